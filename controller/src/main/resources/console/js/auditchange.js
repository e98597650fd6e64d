// What an audit entry changed, said shortly in the reader's language: the fields an update changed
// (old → new), else what was made or removed, by its name. The entry's whole before and after stay
// one click away as JSON, the evidence itself.
import {h} from './dom.js';
import {t, tOr, languageName, formatDateTime} from './i18n.js';
import {gateName, homeZone} from './gates.js';
import {playingText} from './playing.js';
import {groupName} from './groupnames.js';
import {screenName} from './screennames.js';
import {shapeText} from './layouttemplates.js';
import {describeDays, describeDaypart, describeRecurrence, hhmm} from './recurrence.js';

/** Fields that move by themselves (times, a screen's live state): not what anyone changed. */
const QUIET = new Set(['createdAt', 'updatedAt', 'reviewedAt', 'revision', 'health', 'lastSeenAt', 'state',
  'appliedVersion', 'publishedVersion', 'latestDelivery', 'recentRejections', 'currentContentId', 'waitsForPublish']);
/** Most changed fields said in the line; the rest are in the JSON. */
const SHOWN = 4;
const LONGEST = 80;
/**
 * Lists whose entries a person knows by one name each (a playlist's entry by its content, a content's version
 * by its language, a layout's region by its role): compared and said by those names.
 */
const NAMED_BY = {entries: (e) => e.contentId, variants: (v) => v.language, regions: (r) => r.role};
/** Structured values said as their editors say them, not as JSON. */
const SAID = {
  dayparts: (parts) => parts.map((p) => describeDaypart(p, t, false)).join('; '),
  recurrences: (specs) => specs.map((r) => describeRecurrence(r, t)).join('; '),
  openingHours: weekText,
  clock: (clock) => (clock.zones || []).map((z) => z.zone).join(', '),
  targets: targetsText,
  // An alert's text: its Vietnamese, the one every alert has.
  text: (text) => text.vi ?? Object.values(text)[0],
};
/** The parts of a campaign's targets, in the order its form shows them, by the audit's names for them. */
const TARGET_PARTS = [['clusters', 'clusterIds'], ['groups', 'groups'], ['tags', 'tags'], ['screens', 'screenIds']];

/** The change column of an audit entry: a short sentence and the whole before/after behind a toggle. */
export function changeCell(e) {
  const line = changeText(e);
  if (e.before == null && e.after == null) return [line];
  // Written out when opened: a publish's part names up to a page of screens, and a page of the log is 50 rows.
  const json = h('pre', {});
  const evidence = h('details', {class: 'audit-json', ontoggle: () => {
    if (evidence.open && !json.textContent) json.textContent = JSON.stringify({before: e.before ?? null, after: e.after ?? null}, null, 2);
  }}, h('summary', {}, t('audit.json')), json);
  return [line, evidence];
}

export function changeText(e) {
  const before = isObject(e.before) ? e.before : null;
  const after = isObject(e.after) ? e.after : null;
  if (before && after) {
    const changed = [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .filter((k) => !QUIET.has(k) && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
    const said = changed.slice(0, SHOWN).map((k) => `${fieldName(k)}: ${changeOf(k, before[k], after[k])}`);
    return said.join('; ') + (changed.length > SHOWN ? ' …' : '');
  }
  const thing = after || before;
  if (!thing) return '';
  if (Array.isArray(thing.sent)) return t('audit.sent', {count: thing.sent.length});
  // An alert has no name: its Vietnamese text, the one every alert has, says which it was.
  const name = thing.name || thing.title || thing.originalName || thing.username || (isObject(thing.text) && thing.text.vi);
  return typeof name === 'string' ? cut(name) : '';
}

/**
 * One field's change: a list of names as what was added and removed (a playlist, roles), else old → new; when
 * both read the same (a region's widgets, an entry's weight changed), the value and that its details changed.
 */
function changeOf(key, before, after) {
  const names = NAMED_BY[key];
  const was = names && Array.isArray(before) ? before.map(names) : before;
  const now = names && Array.isArray(after) ? after.map(names) : after;
  if (isNameList(was) && isNameList(now)) {
    const name = nameOf(key);
    const added = now.filter((v) => !was.includes(v)).map((v) => `+ ${name(v)}`);
    const removed = was.filter((v) => !now.includes(v)).map((v) => `− ${name(v)}`);
    if (added.length || removed.length) return cut([...added, ...removed].join(', '));
  }
  const wasText = valueText(key, was);
  const nowText = valueText(key, now);
  return wasText === nowText ? t('audit.detailsChanged', {value: nowText}) : `${wasText} → ${nowText}`;
}

function isNameList(value) {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** How a list's entries are said: roles, languages, gates, groups, screens and a screen's own playlist's items by name, the rest as they are. */
function nameOf(key) {
  if (key === 'roles') return (r) => tOr(`role.${r}`, r);
  if (key === 'languages' || key === 'variants') return languageName;
  if (key === 'regions') return (role) => tOr(`lay.role.${role}`, role);
  if (key === 'clusters' || key === 'clusterIds') return gateName;
  if (key === 'groups') return groupName; // names as loadGroupNames() last read them
  if (key === 'screenIds') return screenName; // read by the page when an entry names screens
  if (key === 'playlist' || key === 'entries') return playingText; // titles as loadTitles() last read them
  return String;
}

/**
 * Whether an entry lists screens by id, the fields said by {@link nameOf}'s screenIds (a group's members, a campaign's
 * targets): its page reads the screens' names first.
 */
export function namesScreens(e) {
  return [e.before, e.after].some((v) => isObject(v)
    && ((Array.isArray(v.screenIds) && v.screenIds.length) || (isObject(v.targets) && (v.targets.screens || []).length)));
}

/** A long id (a file's SHA-256) shortened for its column; the whole one is in the cell's title. */
export function shortId(id) {
  return id && id.length > 24 ? `${id.slice(0, 12)}…` : id;
}

function fieldName(key) {
  return tOr(`audit.field.${key}`, key);
}

function valueText(key, value) {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return t(value ? 'audit.yes' : 'audit.no');
  if (key === 'clusterId') return gateName(value);
  if (key === 'contentId') return playingText(value);
  if (key === 'status') return tOr(`status.${value}`, value);
  if ((key === 'shape' || key === 'orientation') && typeof value === 'string') return shapeText(value);
  if (key === 'template') return tOr(`lay.template.${value}`, value);
  if (key === 'languagePolicy' && isObject(value) && value.mode) {
    const mode = tOr(`camp.policy.${value.mode}`, value.mode);
    return value.language ? `${mode} (${languageName(value.language)})` : mode;
  }
  if (SAID[key] && typeof value === 'object') return cut(SAID[key](value) || '—');
  // An instant someone set or caused (an alert's end, a revocation), in the reader's zone as the log's own times are.
  if (/At$/.test(key) && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return formatDateTime(value, homeZone());
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    if (value.some(isObject)) return cut(JSON.stringify(value));
    return cut(value.map(nameOf(key)).join(', '));
  }
  return cut(isObject(value) ? JSON.stringify(value) : String(value));
}

/** A gate's opening week in words, days with the same hours together, then its closed dates. */
function weekText(hours) {
  const daysByHours = new Map();
  for (const {day, spans} of hours.week || []) {
    const text = spans.map((s) => `${hhmm(s.open)}–${hhmm(s.close, true)}`).join(', ');
    daysByHours.set(text, [...(daysByHours.get(text) || []), day]);
  }
  const open = [...daysByHours].map(([text, days]) => `${describeDays(days, t)} ${text}`);
  const closed = (hours.closedDates || []).map((d) => d.split('-').reverse().join('/'));
  return [...open, ...(closed.length ? [t('audit.closedOn', {dates: closed.join(', ')})] : [])].join('; ');
}

/** Where a campaign plays in words: "Gates Kim Thành; Tags hall-a". */
function targetsText(targets) {
  return TARGET_PARTS.filter(([part]) => (targets[part] || []).length)
    .map(([part, field]) => `${fieldName(field)} ${targets[part].map(nameOf(field)).join(', ')}`).join('; ');
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function cut(text) {
  return text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text;
}
