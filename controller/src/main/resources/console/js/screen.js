// One screen in detail: its truths and figures, remote commands with their results, the latest
// screenshot and its history. Live like the board (the event stream; polling when it is down).
import {h, fill, badge} from './dom.js';
import {api} from './api.js';
import {t, tOr, formatDateTime, formatBytes, formatDuration, languageName, wordsText} from './i18n.js';
import {gateName, gateLanguages, isUnplacedGate, zoneOf} from './gates.js';
import {watch, namesScreen} from './live.js';
import {may, FIELD, SCHEDULERS} from './roles.js';
import {agentBadge, clockBadge, contentBadge, displayBadge, waitingText} from './status.js';
import {loadTitles, playingText} from './playing.js';
import {screenPlaylistSection} from './screenplaylist.js';
import {layoutApplying} from './layoutattach.js';

const POLL_MS = 3000;
const COMMANDS = ['SCREENSHOT', 'RELOAD', 'RESTART', 'IDENTIFY', 'CLEAR_CACHE'];
const HISTORY_SHOWN = 50;

export function renderScreen(main, screenId) {
  const path = `/api/v1/screens/${encodeURIComponent(screenId)}`;
  const title = h('h1', {}, screenId);
  const badges = h('p', {class: 'badges'});
  const layoutLine = h('p', {class: 'hint', id: 'screen-layout'});
  const waitsLine = h('p', {class: 'finding', id: 'screen-waits', hidden: true});
  const facts = h('dl', {class: 'facts'});
  const message = h('p', {class: 'message', role: 'status', 'aria-live': 'polite'});
  const commandsTable = h('div', {});
  const shot = h('div', {class: 'screenshot'}, h('p', {class: 'empty'}, t('screen.noScreenshot')));
  const history = h('div', {});
  let shownShot = null;
  let zone = zoneOf('default');

  const buttons = may(FIELD) ? h('div', {class: 'buttons'}, COMMANDS.map((kind) =>
    h('button', {type: 'button', 'data-command': kind, onclick: () => send(kind)}, t(`cmd.${kind}`)))) : null;

  fill(main,
    h('p', {}, h('a', {href: '#/fleet'}, `← ${t('common.back')}`)),
    title, badges, waitsLine, layoutLine,
    h('div', {class: 'columns'},
      h('section', {class: 'card', 'aria-labelledby': 'facts-h'}, h('h2', {id: 'facts-h'}, t('fleet.col.screen')), facts),
      h('section', {class: 'card', 'aria-labelledby': 'shot-h'}, h('h2', {id: 'shot-h'}, t('screen.screenshot')), shot)),
    screenPlaylistSection(screenId),
    h('section', {class: 'card', 'aria-labelledby': 'cmd-h'},
      h('h2', {id: 'cmd-h'}, t('screen.commands')), buttons, message, commandsTable),
    h('section', {class: 'card', 'aria-labelledby': 'hist-h'}, h('h2', {id: 'hist-h'}, t('screen.history')), history));

  async function send(kind) {
    // A restart takes the screen dark for a while: asked first, naming the screen.
    if (kind === 'RESTART' && !confirm(t('screen.confirmRestart', {name: title.textContent}))) return;
    try {
      await api.post(`${path}/commands`, kind === 'IDENTIFY' ? {kind, durationSeconds: 30} : {kind});
      message.className = 'message';
      message.textContent = t('screen.sent', {kind: t(`cmd.${kind}`)});
      refresh();
    } catch (err) {
      message.className = 'message error';
      message.textContent = t('common.error', {message: err.message});
    }
  }

  async function refresh() {
    const [screen, commands, changes] = await Promise.all([
      api.get(path), api.get(`${path}/commands`), api.get(`${path}/history`), loadTitles()]);
    zone = zoneOf(screen.clusterId);
    title.textContent = t('screen.title', {name: screen.name || screen.id});
    fill(badges, agentBadge(screen), ' ', contentBadge(screen), ' ', displayBadge(screen, {alone: true}), ' ', clockBadge(screen));
    drawWaiting(screen);
    drawFacts(screen);
    layoutApplying(screen).then((lines) => fill(layoutLine, lines.map((line, i) => [i ? h('br') : null, line])));
    drawCommands(commands);
    drawHistory(changes.changes);
    const latest = commands.find((c) => c.kind === 'SCREENSHOT' && c.status === 'DONE' && c.attachmentSha256);
    if (latest && latest.attachmentSha256 !== shownShot) {
      shownShot = latest.attachmentSha256;
      const url = await api.imageUrl(`${path}/screenshots/${latest.attachmentSha256}`);
      fill(shot, h('img', {src: url, alt: t('screen.screenshot')}),
        h('p', {class: 'hint'}, formatDateTime(latest.answeredAt, zone)));
    }
  }

  /**
   * Why a screen that arrived at its gate waits: for a publish (whoever publishes is taken there), or, not
   * placed at a gate yet, for a technician to place it (taken to the Setup page).
   */
  function drawWaiting(s) {
    const why = waitingText(s);
    waitsLine.hidden = !why;
    const unplaced = isUnplacedGate(s.clusterId);
    const link = !why ? null
      : unplaced ? (may(FIELD) ? h('a', {href: '#/setup'}, t('screen.toSetup')) : null)
        : (may(SCHEDULERS) ? h('a', {href: '#/publish'}, t('screen.toPublish')) : null);
    fill(waitsLine, why, link ? [' ', link] : null);
  }

  function drawFacts(s) {
    const f = (s.health && s.health.figures) || {};
    const pairs = [
      ['fleet.col.screen', s.id],
      ['screen.cluster', gateName(s.clusterId)],
      ['screen.location', s.location || t('common.none')],
      ['screen.languages', (s.languages && s.languages.length ? s.languages : gateLanguages(s.clusterId))
        .map(languageName).join(', ') || t('common.none')],
      ['fleet.col.lastSeen', formatDateTime(s.lastSeenAt, zone)],
      ['fleet.col.item', playingText(s.currentContentId)],
      ['screen.applied', `${s.appliedVersion ?? t('common.none')} / ${s.publishedVersion}`],
      ['screen.language', f.currentLanguage ? languageName(f.currentLanguage) : t('common.none')],
      ['fleet.col.disk', formatBytes(f.freeDiskBytes)],
      ['screen.cache', formatBytes(f.cacheBytes)],
      ['screen.uptime', formatDuration(f.uptimeSeconds)],
      ['screen.agentVersion', f.agentVersion || t('common.none')],
      ['screen.autonomy', s.health && s.health.autonomyUntil ? formatDateTime(s.health.autonomyUntil, zone) : t('common.none')],
    ];
    fill(facts, pairs.map(([key, value]) => h('div', {}, h('dt', {}, t(key)), h('dd', {}, value))));
  }

  function drawCommands(commands) {
    if (commands.length === 0) {
      fill(commandsTable, h('p', {class: 'empty'}, t('screen.noCommands')));
      return;
    }
    const tone = {DONE: 'ok', FAILED: 'bad', EXPIRED: 'muted', PENDING: 'warn'};
    fill(commandsTable, h('table', {class: 'list'},
      h('thead', {}, h('tr', {}, ['kind', 'sent', 'status', 'detail'].map((c) => h('th', {scope: 'col'}, t(`cmd.col.${c}`))))),
      h('tbody', {}, commands.slice(0, 20).map((c) => h('tr', {'data-sequence': c.sequence},
        h('td', {}, tOr(`cmd.${c.kind}`, c.kind)),
        h('td', {}, formatDateTime(c.createdAt, zone)),
        h('td', {}, badge(tOr(`cmdStatus.${c.status}`, c.status), tone[c.status] || 'muted')),
        h('td', {title: c.detail}, wordsText(c.detail, c.detailCoded)))))));
  }

  function drawHistory(changes) {
    if (changes.length === 0) {
      fill(history, h('p', {class: 'empty'}, t('screen.noHistory')));
      return;
    }
    const value = (c) => tOr(`state.${c.value}`, tOr(`display.${c.value}`, tOr(`value.${c.value}`, c.value)));
    fill(history, h('table', {class: 'list'},
      h('thead', {}, h('tr', {}, ['at', 'aspect', 'value', 'detail'].map((c) => h('th', {scope: 'col'}, t(`history.col.${c}`))))),
      h('tbody', {}, changes.slice(-HISTORY_SHOWN).reverse().map((c) => h('tr', {},
        h('td', {}, formatDateTime(c.at, zone)),
        h('td', {}, tOr(`aspect.${c.aspect}`, c.aspect)),
        h('td', {}, value(c)),
        h('td', {title: c.detail}, wordsText(c.detail, c.detailCoded)))))));
  }

  return watch(POLL_MS, refresh, (event, again) => {
    // A publish moves the published version; an answer or a status moves the rest.
    if (event.name === 'publish' || namesScreen(event, screenId)) again();
  });
}
