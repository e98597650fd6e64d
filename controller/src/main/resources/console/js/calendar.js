// The schedule section: a week or month calendar of what plays when on a border gate, a screen
// group or one screen, drawn in the gate's time zone from GET /api/v1/calendar (the engine's own
// answer), with the campaign list and, for schedulers, the campaign form below it.
import {h, fill, field} from './dom.js';
import {api} from './api.js';
import {t, currentLanguage} from './i18n.js';
import {gateName, gates} from './gates.js';
import {DAYS, addDays} from './recurrence.js';
import {renderCampaigns, toneOf} from './campaigns.js';
import {todayIn} from './zonetime.js';

const HOUR_PX = 26;
const MONTH_CHIPS = 4;

// What the operator was looking at survives a re-render (language switch, saving a campaign)
// and, for the target and the view, a reload of the page.
const SAVED_KEY = 'gatecast.schedule';
const state = {target: null, view: 'week', anchor: null, ...JSON.parse(sessionStorage.getItem(SAVED_KEY) || '{}')};

function remember() {
  sessionStorage.setItem(SAVED_KEY, JSON.stringify({target: state.target, view: state.view}));
}

/** Day of the week of a local date, 0 = Monday. */
function weekday(date) {
  const [y, m, d] = date.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** Minutes since 1970-01-01 00:00 of a local "YYYY-MM-DDTHH:mm[:ss]" (calendar arithmetic only). */
function minutes(local) {
  const [date, time = '00:00'] = local.split('T');
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  return Date.UTC(y, m - 1, d, hh, mm) / 60000;
}

function dm(date) { return `${date.slice(8, 10)}/${date.slice(5, 7)}`; }

/** The window shown: a week from Monday, or the six weeks around a month. */
function windowOf(view, anchor) {
  if (view === 'week') {
    const from = addDays(anchor, -weekday(anchor));
    return {from, to: addDays(from, 7)};
  }
  const first = `${anchor.slice(0, 8)}01`;
  const from = addDays(first, -weekday(first));
  return {from, to: addDays(from, 42)};
}

/** `arg` (from #/schedule/<kind>:<id>) picks the target, so a gate's calendar can be linked to. */
export function renderSchedule(main, arg) {
  if (arg) state.target = arg;
  const targets = h('select', {id: 'sched-target'});
  const calendarBox = h('section', {class: 'card calendar-card', 'aria-labelledby': 'cal-h'});
  const campaignsBox = h('section', {'aria-labelledby': 'camp-h'});
  let alive = true;

  fill(main, h('h1', {}, t('sched.title')), calendarBox, campaignsBox);
  const campaigns = renderCampaigns(campaignsBox, {onChange: () => draw()});

  async function setup() {
    const [groups, screens] = await Promise.all([api.get('/api/v1/groups'), api.get('/api/v1/screens')]);
    const option = (kind, id, name) => h('option', {value: `${kind}:${id}`}, name && name !== id ? `${name} (${id})` : id);
    const live = screens.filter((s) => !s.revokedAt);
    fill(targets,
      h('optgroup', {label: t('sched.gates')}, gates().map((g) => option('cluster', g.id, gateName(g.id)))),
      groups.length ? h('optgroup', {label: t('sched.groups')}, groups.map((g) => option('group', g.id, g.name))) : null,
      h('optgroup', {label: t('sched.screens')}, live.map((s) => option('screen', s.id, s.name))));
    if (!state.target || ![...targets.options].some((o) => o.value === state.target)) {
      // First the first gate that has screens: the default gate, listed first, is often empty.
      const gate = gates().find((g) => live.some((s) => s.clusterId === g.id));
      state.target = gate ? `cluster:${gate.id}` : targets.options.length ? targets.options[0].value : null;
    }
    targets.value = state.target;
    targets.addEventListener('change', () => { state.target = targets.value; draw(); });
    await draw();
  }

  /** Redraws; a failure (the controller unreachable, a refusal) is said in the card, not lost. */
  async function draw() {
    try {
      await drawCalendar();
    } catch (err) {
      if (alive) {
        fill(calendarBox, field(t('sched.target'), targets),
          h('p', {class: 'message error', role: 'alert'}, t('common.error', {message: err.message})));
      }
    }
  }

  async function drawCalendar() {
    if (!alive || !state.target) return;
    const [kind, ...rest] = state.target.split(':');
    const id = rest.join(':');
    const zone = kind === 'cluster' ? gates().find((g) => g.id === id)?.zone : null;
    if (!state.anchor) state.anchor = todayIn(zone || 'Asia/Ho_Chi_Minh');
    remember();
    const {from, to} = windowOf(state.view, state.anchor);
    const answer = await api.get(`/api/v1/calendar?${kind}=${encodeURIComponent(id)}&from=${from}&to=${to}`);
    if (!alive) return;
    const viewButton = (view) => h('button', {type: 'button', 'aria-pressed': String(state.view === view),
      'data-view': view, onclick: () => { state.view = view; draw(); }}, t(`sched.${view}`));
    const move = (step) => () => {
      state.anchor = state.view === 'week' ? addDays(state.anchor, 7 * step) : shiftMonth(state.anchor, step);
      draw();
    };
    const title = state.view === 'week'
      ? t('sched.weekOf', {from: dm(from), to: dm(addDays(to, -1))})
      : t('sched.monthOf', {month: state.anchor.slice(5, 7), year: state.anchor.slice(0, 4)});
    fill(calendarBox,
      h('div', {class: 'cal-toolbar'},
        field(t('sched.target'), targets),
        h('div', {class: 'buttons', role: 'group', 'aria-label': t('sched.view')}, viewButton('week'), viewButton('month')),
        h('div', {class: 'buttons'},
          h('button', {type: 'button', onclick: move(-1), 'aria-label': t('sched.prev')}, '‹ ', t('sched.prev')),
          h('button', {type: 'button', onclick: () => { state.anchor = todayIn(answer.zone); draw(); }}, t('sched.today')),
          h('button', {type: 'button', onclick: move(1), 'aria-label': t('sched.next')}, t('sched.next'), ' ›'))),
      h('h2', {id: 'cal-h', 'aria-live': 'polite'}, title, ' · ',
        answer.target.kind === 'cluster' ? gateName(answer.target.id) : answer.target.name || answer.target.id),
      h('p', {class: 'hint', id: 'cal-zone'}, t('sched.zone', {zone: answer.zone}), ' · ',
        answer.screenCount ? t('sched.screenCount', {count: answer.screenCount}) : t('sched.noScreens')),
      answer.truncated ? h('p', {class: 'message error'}, t('sched.truncated')) : null,
      state.view === 'week' ? week(answer, from, campaigns.open) : month(answer, from, state.anchor, campaigns.open),
      answer.layouts ? layoutRows(answer) : null);
  }

  setup().catch((err) => fill(calendarBox, h('p', {class: 'message error', role: 'alert'},
    t('common.error', {message: err.message}))));
  return () => { alive = false; };
}

function shiftMonth(date, step) {
  const [y, m] = date.split('-').map(Number);
  const moved = new Date(Date.UTC(y, m - 1 + step, 1));
  return `${moved.getUTCFullYear()}-${String(moved.getUTCMonth() + 1).padStart(2, '0')}-01`;
}

/** A block's words: campaign names and priority, or what fills the time when no campaign does. */
function label(block, answer) {
  if (block.kind === 'CAMPAIGN') {
    const names = block.sourceIds.map((id) => (answer.campaigns[id] || {}).name || id);
    return {title: names.join(' + '), detail: t('sched.priority', {p: block.priority})
      + (names.length > 1 ? ` · ${t('sched.shared')}` : '')};
  }
  if (block.kind === 'DEFAULT') return {title: t('sched.default'), detail: ''};
  if (block.kind === 'ALERT') return {title: t('sched.alert'), detail: ''};
  return {title: t('sched.idle'), detail: ''};
}

function screensNote(block, answer) {
  return block.screens ? t('sched.someScreens', {count: block.screens.length, total: answer.screenCount}) : '';
}

function blockClass(block) {
  return `cal-block kind-${block.kind.toLowerCase()}`;
}

function blockStyle(block) {
  return block.kind === 'CAMPAIGN' ? `background:${toneOf(block.sourceIds[0])}` : '';
}

/** The pieces of the blocks that fall on `date`, as minutes from its midnight. */
function piecesOn(date, blocks) {
  const dayStart = minutes(`${date}T00:00`);
  const out = [];
  for (const block of blocks) {
    const a = Math.max(minutes(block.localStart), dayStart);
    const b = Math.min(minutes(block.localEnd), dayStart + 1440);
    if (a < b) out.push({block, from: a - dayStart, to: b - dayStart});
  }
  return out;
}

function clock(mins) {
  return `${String(Math.floor(mins / 60)).padStart(2, '0')}:${String(mins % 60).padStart(2, '0')}`;
}

function hoursText(mins) {
  const hours = Math.floor(mins / 60);
  return mins % 60 === 0 ? t('sched.hours', {h: hours}) : t('sched.hoursMinutes', {h: hours, m: mins % 60});
}

function week(answer, from, open) {
  const dates = DAYS.map((d, i) => addDays(from, i));
  const hours = [];
  for (let hour = 0; hour < 24; hour += 1) hours.push(h('div', {class: 'cal-hour', style: `height:${HOUR_PX}px`}, clock(hour * 60)));
  return h('div', {class: 'cal-week', role: 'group', 'aria-labelledby': 'cal-h'},
    h('div', {class: 'cal-hours', 'aria-hidden': 'true'}, h('div', {class: 'cal-dayhead'}), hours),
    dates.map((date, i) => {
      const pieces = piecesOn(date, answer.blocks);
      // Different screens of a gate may show different things at once: side by side in lanes.
      const laneEnds = [];
      for (const p of pieces) {
        let lane = laneEnds.findIndex((end) => end <= p.from);
        if (lane < 0) { lane = laneEnds.length; laneEnds.push(0); }
        laneEnds[lane] = p.to;
        p.lane = lane;
      }
      const lanes = Math.max(1, laneEnds.length);
      return h('section', {class: 'cal-day', 'aria-label': `${t(`day.${DAYS[i]}`)} ${dm(date)}`, 'data-date': date},
        h('h3', {class: 'cal-dayhead'}, `${t(`dayShort.${DAYS[i]}`)} ${dm(date)}`),
        h('div', {class: 'cal-column', style: `height:${24 * HOUR_PX}px`},
          pieces.map((p) => blockElement(p, answer, lanes, open))));
    }));
}

function blockElement(piece, answer, lanes, open) {
  const {block} = piece;
  const {title, detail} = label(block, answer);
  const time = `${clock(piece.from)}–${clock(piece.to)}`;
  const note = screensNote(block, answer);
  const words = [title, time, detail, note].filter(Boolean).join(' · ');
  const height = ((piece.to - piece.from) / 60) * HOUR_PX;
  const style = `top:${(piece.from / 60) * HOUR_PX}px;height:${Math.max(height, 3)}px;`
    + `left:${(piece.lane * 100) / lanes}%;width:${100 / lanes}%;${blockStyle(block)}`;
  const attrs = {class: blockClass(block), style, title: words, 'aria-label': words,
    'data-sources': block.sourceIds.join(' '), 'data-start': clock(piece.from), 'data-end': clock(piece.to)};
  const body = height >= 2 * 14 ? [h('strong', {}, title), h('span', {}, `${time} ${detail}`), note ? h('span', {}, note) : null]
    : [h('strong', {}, title)];
  if (block.kind === 'CAMPAIGN') {
    return h('button', {...attrs, type: 'button', onclick: () => open(block.sourceIds[0])}, body);
  }
  return h('div', {...attrs, role: 'img'}, body);
}

const REGION_ORDER = ['MAIN', 'HEADER', 'SIDE', 'TICKER'];
const ROW_CHIPS = 60;

/** "02/12 09:00–10:00" from a block's local times (the end may fall on a later day). */
function span(block) {
  const [d1, t1] = block.localStart.split('T');
  const [d2, t2] = block.localEnd.split('T');
  return `${dm(d1)} ${t1.slice(0, 5)}–${d2 === d1 ? '' : `${dm(d2)} `}${t2.slice(0, 5)}`;
}

/** Why a layout applies, in the operator's language; the engine's own sentences follow it. */
function layoutReason(block, answer) {
  const campaign = block.campaignId ? ((answer.campaigns[block.campaignId] || {}).name || block.campaignId) : '';
  return t(`sched.why.${block.origin}`, {layout: block.layoutId || '', campaign});
}

function regionWhat(block) {
  if (block.content === 'PLAYLIST') return t('sched.regionPlaylist', {id: block.playlistId});
  if (block.content === 'WIDGETS') return block.widgets.map((w) => t(`lay.widget.${w}`)).join(' + ');
  return t('sched.regionProgramme');
}

/**
 * Under the programme: the layout band (which layout applies when, and why) and one row per region
 * (what it plays). Each block says the engine's reason on hover, and below the rows when clicked.
 */
function layoutRows(answer) {
  const why = h('p', {class: 'cal-why', id: 'cal-why', 'aria-live': 'polite'}, t('sched.whyHint'));
  // The engine explains in English, for the 10-second slot at the block's start (its times in UTC):
  // useful detail to an English reader, noise beside the operator's own sentence in any other language.
  const engine = (block) => (currentLanguage() === 'en' ? block.explanation : []);
  const chip = (block, words, reason, attrs) => {
    const full = [`${span(block)} · ${words}`, reason, ...engine(block)].join('\n');
    const note = block.screens ? ` · ${t('sched.someScreens', {count: block.screens.length, total: answer.screenCount})}` : '';
    return h('button', {type: 'button', class: 'cal-lchip', title: full, 'aria-label': `${span(block)} · ${words}${note}`,
      'data-start': block.localStart, 'data-end': block.localEnd, ...attrs,
      onclick: () => fill(why, h('strong', {}, `${span(block)} · ${words}`), ' ', reason,
        h('span', {class: 'cal-engine'}, engine(block).join(' ')))}, h('span', {class: 'chip-time'}, span(block)), ' ', words);
  };
  const row = (name, key, chips) => h('div', {class: 'cal-lrow', 'data-row': key},
    h('span', {class: 'cal-lname'}, name),
    h('div', {class: 'cal-lchips'}, chips.slice(0, ROW_CHIPS),
      chips.length > ROW_CHIPS ? h('span', {class: 'cal-more'}, t('sched.more', {count: chips.length - ROW_CHIPS})) : null));
  const band = answer.layouts.map((b) => chip(b, b.layoutId || t('sched.fullScreen'), layoutReason(b, answer),
    {'data-layout': b.layoutId || '', 'data-origin': b.origin}));
  const layoutAt = (r) => answer.layouts.find((b) => b.start <= r.start && r.start < b.end);
  const roles = REGION_ORDER.filter((role) => answer.regions.some((r) => r.role === role));
  return h('section', {class: 'cal-layouts', 'aria-labelledby': 'cal-lay-h'},
    h('h3', {id: 'cal-lay-h'}, t('sched.layouts')),
    row(t('sched.layoutBand'), 'layout', band),
    roles.map((role) => row(t(`lay.role.${role}`), role, answer.regions.filter((r) => r.role === role).map((r) => {
      const b = layoutAt(r);
      return chip(r, regionWhat(r), b ? layoutReason(b, answer) : '', {'data-role': role, 'data-layout': r.layoutId});
    }))),
    why);
}

function month(answer, from, anchor, open) {
  const thisMonth = anchor.slice(0, 7);
  const cells = [];
  for (let i = 0; i < 42; i += 1) {
    const date = addDays(from, i);
    const onDay = piecesOn(date, answer.blocks);
    // Campaigns and alerts as chips; black time as one line per day, so it cannot crowd them out.
    const pieces = onDay.filter((p) => p.block.kind === 'CAMPAIGN' || p.block.kind === 'ALERT');
    const idleMinutes = onDay.filter((p) => p.block.kind === 'IDLE').reduce((sum, p) => sum + p.to - p.from, 0);
    const chips = pieces.slice(0, MONTH_CHIPS).map((p) => {
      const {title, detail} = label(p.block, answer);
      const words = `${clock(p.from)}–${clock(p.to)} ${title}`;
      const full = [words, detail, screensNote(p.block, answer)].filter(Boolean).join(' · ');
      const attrs = {class: `cal-chip kind-${p.block.kind.toLowerCase()}`, style: blockStyle(p.block), title: full,
        'aria-label': full, 'data-sources': p.block.sourceIds.join(' '), 'data-start': clock(p.from), 'data-end': clock(p.to)};
      const hasPriority = p.block.priority !== null && p.block.priority !== undefined;
      const text = [h('span', {class: 'chip-time'}, `${clock(p.from)}–${clock(p.to)}`), ' ',
        hasPriority ? h('span', {class: 'chip-p'}, `P${p.block.priority} `) : null, title];
      return p.block.kind === 'CAMPAIGN'
        ? h('button', {...attrs, type: 'button', onclick: () => open(p.block.sourceIds[0])}, text)
        : h('span', attrs, text);
    });
    if (pieces.length > MONTH_CHIPS) chips.push(h('span', {class: 'cal-more'}, t('sched.more', {count: pieces.length - MONTH_CHIPS})));
    if (idleMinutes > 0) chips.push(h('span', {class: 'cal-gap', 'data-idle': idleMinutes}, t('sched.gapShort', {time: hoursText(idleMinutes)})));
    cells.push(h('div', {class: `cal-cell${date.startsWith(thisMonth) ? '' : ' other-month'}`, role: 'gridcell',
      'data-date': date, 'aria-label': `${t(`day.${DAYS[i % 7]}`)} ${dm(date)}`},
      h('span', {class: 'cal-date'}, String(Number(date.slice(8, 10)))), chips));
  }
  const rows = [];
  for (let r = 0; r < 6; r += 1) rows.push(h('div', {class: 'cal-row', role: 'row'}, cells.slice(r * 7, r * 7 + 7)));
  return h('div', {class: 'cal-month', role: 'grid', 'aria-labelledby': 'cal-h'},
    h('div', {class: 'cal-row cal-weekdays', role: 'row'},
      DAYS.map((d) => h('div', {role: 'columnheader', class: 'cal-dayname'}, t(`dayShort.${d}`)))),
    rows);
}
