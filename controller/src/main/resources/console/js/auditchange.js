// What an audit entry changed, said shortly in the reader's language: the fields an update changed
// (old → new), else what was made or removed, by its name. The entry's whole before and after stay
// one click away as JSON, the evidence itself.
import {h} from './dom.js';
import {t, tOr, languageName, formatDateTime} from './i18n.js';
import {gateName, homeZone} from './gates.js';
import {playingText} from './playing.js';
import {shapeText} from './layouttemplates.js';

/** Fields that move by themselves (times, a screen's live state): not what anyone changed. */
const QUIET = new Set(['createdAt', 'updatedAt', 'reviewedAt', 'revision', 'health', 'lastSeenAt', 'state',
  'appliedVersion', 'publishedVersion', 'latestDelivery', 'recentRejections', 'currentContentId', 'waitsForPublish']);
/** Most changed fields said in the line; the rest are in the JSON. */
const SHOWN = 4;
const LONGEST = 80;

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

/** One field's change: a list of names as what was added and removed (a playlist, roles), else old → new. */
function changeOf(key, before, after) {
  if (isNameList(before) && isNameList(after)) {
    const name = nameOf(key);
    const added = after.filter((v) => !before.includes(v)).map((v) => `+ ${name(v)}`);
    const removed = before.filter((v) => !after.includes(v)).map((v) => `− ${name(v)}`);
    if (added.length || removed.length) return cut([...added, ...removed].join(', '));
  }
  return `${valueText(key, before)} → ${valueText(key, after)}`;
}

function isNameList(value) {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** How a list's entries are said: roles, languages, gates and a screen's own playlist's items by name, the rest as they are. */
function nameOf(key) {
  if (key === 'roles') return (r) => tOr(`role.${r}`, r);
  if (key === 'languages') return languageName;
  if (key === 'clusters' || key === 'clusterIds') return gateName;
  if (key === 'playlist') return playingText; // titles as loadTitles() last read them
  return String;
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
  // An instant someone set or caused (an alert's end, a revocation), in the reader's zone as the log's own times are.
  if (/At$/.test(key) && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return formatDateTime(value, homeZone());
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    if (value.some(isObject)) return cut(JSON.stringify(value));
    return cut(value.map(nameOf(key)).join(', '));
  }
  return cut(isObject(value) ? JSON.stringify(value) : String(value));
}

function isObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function cut(text) {
  return text.length > LONGEST ? `${text.slice(0, LONGEST - 1)}…` : text;
}
