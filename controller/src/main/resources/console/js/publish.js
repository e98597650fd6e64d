// Publishing: put approved items on screens, publish, and watch the rollout live
// (pending / applied / failed per screen, updated from the event stream; polled when it is down).
import {h, fill, field, badge} from './dom.js';
import {api} from './api.js';
import {t, tOr, formatDateTime, wordsText} from './i18n.js';
import {homeZone, gateName} from './gates.js';
import {watch, namesScreen} from './live.js';
import {publishChecks, listScreens} from './publishchecks.js';
import {loadScreens, screenName} from './screennames.js';
import {loadTitles, playingText} from './playing.js';

const ROLLOUT_POLL_MS = 2000;
const STATUS_TONE = {APPLIED: 'ok', FAILED: 'bad', PENDING: 'warn'};

export function renderPublish(main, publishId) {
  const scheduleBox = h('section', {class: 'card', 'aria-labelledby': 'schedule-h'});
  const publishMessage = h('p', {class: 'message', role: 'status', 'aria-live': 'polite'});
  const rollout = h('section', {class: 'card rollout', 'aria-labelledby': 'rollout-h', hidden: !publishId});
  const recent = h('div', {});

  fill(main,
    h('h1', {}, t('publish.title')),
    scheduleBox,
    publishChecks(),
    h('section', {class: 'card', 'aria-labelledby': 'publish-h'},
      h('h2', {id: 'publish-h'}, t('publish.now')),
      h('p', {class: 'hint'}, t('publish.nowHint')),
      h('button', {type: 'button', class: 'primary', id: 'publish-now', onclick: publishNow}, t('publish.now')),
      publishMessage),
    rollout,
    h('section', {'aria-labelledby': 'recent-h'}, h('h2', {id: 'recent-h'}, t('publish.recent')), recent));

  async function publishNow() {
    publishMessage.className = 'message';
    // Publishing past an ERROR finding is allowed, but only when the operator has been told what will happen.
    const checks = await api.get('/api/v1/publish/checks').catch(() => null);
    const errors = checks ? checks.findings.filter((f) => f.severity === 'ERROR') : [];
    // Say which screens the errors are about, so "what will happen" has names in it.
    const affected = [...new Set(errors.flatMap((f) => f.screens || []))];
    if (errors.length > 0 && !confirm(t('publish.confirmErrors', {count: errors.length,
      codes: [...new Set(errors.map((f) => tOr(`checks.code.${f.code}`, f.code)))].join(', '),
      screens: affected.length ? t('publish.screensNamed', {list: listScreens(affected)})
        : t('publish.someScreens')}))) {
      publishMessage.textContent = t('publish.notPublished');
      return;
    }
    try {
      // The call answers at once with the publish id; the rollout below follows the screens as they are sent.
      const answer = await api.post('/api/v1/publish');
      publishMessage.textContent = t('publish.started', {id: answer.publishId});
      location.hash = `#/publish/${answer.publishId}`;
    } catch (err) {
      publishMessage.className = 'message error';
      publishMessage.textContent = t('common.error', {message: err.message});
    }
  }

  drawSchedule(scheduleBox).catch(() => {});
  // The list moves when a publish is made; the open rollout, and its counts in the list, when one of its screens
  // answers.
  let rolloutScreens = [];
  const answered = (event) => rolloutScreens.some((id) => namesScreen(event, id));
  const stops = [watch(ROLLOUT_POLL_MS * 3, async () => drawRecent(recent, await api.get('/api/v1/publishes')),
    (event, again) => { if (event.name === 'publish' || answered(event)) again(); })];
  if (publishId) {
    // The rollout names screens as the board does, and items held back by their titles: read once, with the
    // page's other parts.
    let named = null;
    stops.push(watch(ROLLOUT_POLL_MS, async () => {
      named = named || Promise.all([loadScreens(), loadTitles()]); // asked before the first await
      const [publish] = await Promise.all([api.get(`/api/v1/publishes/${publishId}`), named]);
      rolloutScreens = publish.screens.map((s) => s.screenId);
      drawRollout(rollout, publish);
    }, (event, again) => {
      if ((event.name === 'publish' && String(event.data.id) === String(publishId)) || answered(event)) {
        rollout.dataset.streamUpdates = String(Number(rollout.dataset.streamUpdates || 0) + 1);
        again();
      }
    }));
  }
  return () => stops.forEach((stop) => stop());
}

/** "Screens change only at the next publish", with a link to this page: said by the views whose changes wait for one. */
export function nextPublishNote() {
  return h('span', {}, t('publish.nextPublish'), ' ', h('a', {href: '#/publish'}, t('publish.toPage')));
}

async function drawSchedule(box) {
  const [items, screens] = await Promise.all([api.get('/api/v1/content?status=APPROVED'), loadScreens()]);
  const message = h('p', {class: 'message', role: 'status', 'aria-live': 'polite'});
  if (items.length === 0) {
    // Where approved items come from: made on the Content page, approved on the Review page.
    fill(box, h('h2', {id: 'schedule-h'}, t('publish.schedule')), h('p', {class: 'empty'}, t('publish.noApproved'), ' ',
      h('a', {href: '#/content'}, t('publish.toContent'))));
    return;
  }
  const item = h('select', {id: 'schedule-item'}, items.map((i) => h('option', {value: i.id}, `${i.title} (${i.id})`)));
  const boxes = screens.filter((s) => !s.revokedAt).map((s) => {
    const input = h('input', {type: 'checkbox', id: `pick-${s.id}`, value: s.id});
    // With its gate: many gates have a hall of one name.
    return h('div', {class: 'check'}, input, h('label', {for: input.id}, `${s.name || s.id} · ${gateName(s.clusterId)}`));
  });
  fill(box, h('h2', {id: 'schedule-h'}, t('publish.schedule')),
    h('form', {onsubmit: async (e) => {
      e.preventDefault();
      const screenIds = boxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
      message.className = 'message';
      if (screenIds.length === 0) {
        message.className = 'message error';
        message.textContent = t('publish.pickScreens');
        return;
      }
      try {
        await api.post('/api/v1/schedule', {contentId: item.value, screenIds});
        message.textContent = t('publish.added', {item: item.selectedOptions[0].textContent, count: screenIds.length});
      } catch (err) {
        message.className = 'message error';
        message.textContent = t('common.error', {message: err.message});
      }
    }},
    field(t('publish.item'), item),
    h('fieldset', {class: 'checks'}, h('legend', {}, t('publish.screens')), boxes),
    h('button', {type: 'submit'}, t('publish.add')),
    message));
}

function counts(c) {
  return t('publish.counts',
    {applied: c.applied, pending: c.pending, failed: c.failed, screens: c.screens, count: c.screens});
}

// Where the streamed publish is (queued, sending, done, interrupted), what it held back, or that nothing changed.
function progress(publish) {
  const notes = [t(`publish.state.${publish.state}`, {planned: publish.planned ?? 0, count: publish.planned ?? 0})];
  const finished = publish.state === 'DONE' || publish.state === 'INTERRUPTED';
  if (finished && publish.counts.screens === 0) notes.push(t('publish.nothing'));
  // Screens paired or moved to a gate later were placed in what this publish sent there (Arrivals).
  const arrived = publish.planned == null ? 0 : publish.counts.screens - publish.planned;
  if (finished && arrived > 0) notes.push(t('publish.arrived', {count: arrived}));
  const withheld = Object.values(publish.withheld || {}).flat();
  if (withheld.length) notes.push(t('publish.withheld', {items: [...new Set(withheld)].map(playingText).join(', ')}));
  return notes.join(' ');
}

function drawRollout(box, publish) {
  box.hidden = false;
  const zone = homeZone();
  fill(box,
    h('h2', {id: 'rollout-h'}, t('publish.rollout', {id: publish.id})),
    h('p', {class: 'summary', id: 'rollout-state', role: 'status', 'aria-live': 'polite'}, progress(publish)),
    h('p', {class: 'summary', id: 'rollout-counts', role: 'status', 'aria-live': 'polite'}, counts(publish.counts)),
    h('div', {class: 'bar', 'aria-hidden': 'true'}, ['applied', 'pending', 'failed'].map((k) =>
      h('span', {class: `bar-${k}`, style: `flex-grow:${publish.counts[k]}`}))),
    h('table', {class: 'list'},
      h('thead', {}, h('tr', {}, ['screen', 'version', 'status', 'error'].map((c) =>
        h('th', {scope: 'col'}, t(`publish.col.${c}`))))),
      h('tbody', {}, publish.screens.map((s) => h('tr', {'data-rollout': s.screenId},
        h('td', {}, h('a', {href: `#/screens/${encodeURIComponent(s.screenId)}`}, screenName(s.screenId))),
        h('td', {}, s.version),
        h('td', {}, badge(tOr(`rollout.${s.status}`, s.status), STATUS_TONE[s.status] || 'muted'),
          s.answeredAt ? h('span', {class: 'sub'}, formatDateTime(s.answeredAt, zone)) : null),
        h('td', {title: s.error}, wordsText(s.error, s.errorCoded)))))));
}

function drawRecent(box, publishes) {
  const zone = homeZone();
  fill(box, h('table', {class: 'list'},
    h('thead', {}, h('tr', {}, ['id', 'by', 'at', 'counts'].map((c) => h('th', {scope: 'col'}, t(`publish.col.${c}`))))),
    h('tbody', {}, publishes.map((p) => h('tr', {},
      h('td', {}, h('a', {href: `#/publish/${p.id}`, 'aria-label': t('publish.view', {id: p.id})}, `#${p.id}`)),
      h('td', {}, p.requestedBy),
      h('td', {}, formatDateTime(p.requestedAt, zone)),
      h('td', {}, counts(p.counts)))))));
}
