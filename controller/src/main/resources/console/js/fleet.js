// The fleet board: every gate and screen at a glance, live (the event stream; polling when it is
// down), filterable to problems.
import {h, fill} from './dom.js';
import {api} from './api.js';
import {t, formatDateTime, formatBytes, formatNumber, formatTime} from './i18n.js';
import {gates, gateName, zoneOf} from './gates.js';
import {watch} from './live.js';
import {may, FIELD} from './roles.js';
import {agentBadge, clockBadge, contentBadge, displayBadge, hasProblem} from './status.js';
import {loadTitles, playingText} from './playing.js';

export const FLEET_POLL_SECONDS = 5;
/** More screens than this changed at once: one list refetch beats fetching each. */
const FETCH_EACH_UP_TO = 20;

// The filter survives re-rendering (language switch, coming back from a screen's page).
const filter = {onlyProblems: false, text: ''};

export function renderFleet(main) {
  const summary = h('p', {class: 'summary', role: 'status', 'aria-live': 'polite'});
  const updated = h('p', {class: 'hint'});
  const board = h('div', {class: 'board', 'aria-busy': 'true'}, h('p', {class: 'loading'}, t('common.loading')));
  let screens = [];

  const problems = h('input', {type: 'checkbox', id: 'only-problems', checked: filter.onlyProblems,
    onchange: () => { filter.onlyProblems = problems.checked; draw(); }});
  const search = h('input', {type: 'search', id: 'fleet-search', value: filter.text,
    oninput: () => { filter.text = search.value; draw(); }});

  fill(main,
    h('div', {class: 'page-head'},
      h('h1', {}, t('fleet.title')),
      h('p', {class: 'hint'}, t('fleet.liveStream', {seconds: FLEET_POLL_SECONDS}))),
    h('div', {class: 'toolbar'},
      h('div', {class: 'check'}, problems, h('label', {for: 'only-problems'}, t('fleet.onlyProblems'))),
      h('div', {class: 'field inline'}, h('label', {for: 'fleet-search'}, t('fleet.search')), search)),
    summary, board, updated);

  function draw() {
    const online = screens.filter((s) => !s.revokedAt && s.health && s.health.agent === 'ONLINE').length;
    const withProblems = screens.filter(hasProblem).length;
    const said = t('fleet.summary', {count: screens.length, total: formatNumber(screens.length),
      online: formatNumber(online), problems: formatNumber(withProblems)});
    // A live region: only a change is worth announcing, not every refresh.
    if (summary.textContent !== said) summary.textContent = said;
    const needle = filter.text.trim().toLowerCase();
    const shown = screens.filter((s) => (!filter.onlyProblems || hasProblem(s))
      && (!needle || `${s.id} ${s.name || ''} ${s.location || ''}`.toLowerCase().includes(needle)));
    board.removeAttribute('aria-busy');
    if (shown.length === 0) {
      // A fleet with no screen at all: where screens come from, for those who bring them.
      const start = screens.length === 0 && may(FIELD) ? [' ', h('a', {href: '#/setup'}, t('fleet.toSetup'))] : null;
      fill(board, h('p', {class: 'empty'}, t(screens.length && filter.onlyProblems ? 'fleet.noProblems' : 'fleet.empty'),
        start));
      return;
    }
    const byGate = new Map();
    for (const s of shown) {
      if (!byGate.has(s.clusterId)) byGate.set(s.clusterId, []);
      byGate.get(s.clusterId).push(s);
    }
    const order = gates().map((g) => g.id).filter((id) => byGate.has(id));
    for (const id of byGate.keys()) if (!order.includes(id)) order.push(id);
    fill(board, order.map((id) => gateSection(id, byGate.get(id))));
  }

  function shown() {
    draw();
    updated.textContent = t('common.updated', {time: formatTime(Date.now(), zoneOf('default'))});
  }

  /** Fetches just the screens an event named and puts them in place (a 404: the screen is gone). */
  async function patch(ids) {
    const fresh = await Promise.all(ids.map((id) => api.get(`/api/v1/screens/${encodeURIComponent(id)}`)
      .catch((err) => (err.status === 404 ? {id, gone: true} : null))));
    for (const s of fresh.filter(Boolean)) {
      const at = screens.findIndex((old) => old.id === s.id);
      if (s.gone) {
        if (at >= 0) screens.splice(at, 1);
      } else if (at >= 0) {
        screens[at] = s;
      } else {
        screens.push(s);
      }
    }
    // Counts the changes that came by the stream (tests tell them from a poll by it).
    board.dataset.streamUpdates = String(Number(board.dataset.streamUpdates || 0) + 1);
    shown();
  }

  return watch(FLEET_POLL_SECONDS * 1000, async () => {
    [screens] = await Promise.all([api.get('/api/v1/screens'), loadTitles()]);
    shown();
  }, (event, refresh) => {
    // A publish makes the screens it sent to out of date until they answer.
    if (event.name === 'publish') refresh();
    if (event.name !== 'screens') return;
    const ids = event.data.ids || [];
    if (event.data.all || ids.length > FETCH_EACH_UP_TO) refresh();
    else patch(ids).catch((err) => console.warn('live update failed', err));
  });
}

function gateSection(clusterId, screens) {
  const zone = zoneOf(clusterId);
  const headingId = `gate-${clusterId}`;
  return h('section', {class: 'gate', 'aria-labelledby': headingId},
    h('h2', {id: headingId}, gateName(clusterId), h('span', {class: 'count'}, ` · ${formatNumber(screens.length)}`)),
    h('table', {class: 'fleet'},
      h('thead', {}, h('tr', {}, ['screen', 'agent', 'content', 'display', 'lastSeen', 'item', 'version', 'disk']
        .map((c) => h('th', {scope: 'col'}, t(`fleet.col.${c}`))))),
      h('tbody', {}, screens.map((s) => row(s, zone)))));
}

function row(s, zone) {
  const figures = (s.health && s.health.figures) || {};
  const cell = (column, ...content) => h('td', {'data-label': t(`fleet.col.${column}`)}, content);
  return h('tr', {'data-screen': s.id, class: hasProblem(s) ? 'problem' : null},
    h('th', {scope: 'row', 'data-label': t('fleet.col.screen')},
      h('a', {href: `#/screens/${encodeURIComponent(s.id)}`}, s.name || s.id),
      s.location ? h('span', {class: 'sub'}, s.location) : null),
    cell('agent', agentBadge(s)),
    cell('content', contentBadge(s)),
    cell('display', displayBadge(s), clockBadge(s) ? ' ' : null, clockBadge(s)),
    cell('lastSeen', formatDateTime(s.lastSeenAt, zone)),
    cell('item', playingText(s.currentContentId)),
    cell('version', `${s.appliedVersion ?? t('common.none')} / ${s.publishedVersion}`),
    cell('disk', formatBytes(figures.freeDiskBytes)));
}
