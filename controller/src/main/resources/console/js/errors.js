// The controller refuses with a stable code and the details of the sentence (field, limit, value);
// this turns them into a sentence in the console's language. Only a code this console does not
// know yet falls back to the controller's English text. Details that are ids of things the view
// knows by name (a screen, gates) are named by the view: `names` maps a detail's name to id → name.
import {t, tOr, formatNumber, formatDateTime, languageName} from './i18n.js';
import {shapeText} from './layouttemplates.js';

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/**
 * "variants[1].text" → "Chữ (bản 2)", or "Chữ (Tiếng Lào)" when the refusal names the version's `language`;
 * an unknown field is shown as it is.
 */
export function fieldLabel(path, language) {
  const text = String(path);
  const last = text.replace(/\[\d+\]/g, '').split('.').pop();
  const index = (text.match(/\[(\d+)\]/) || [])[1];
  const name = tOr(`field.${last}`, last);
  if (index === undefined) return name;
  return language ? t('field.inLanguage', {name, language: languageName(language)}) : t('field.nth', {name, n: Number(index) + 1});
}

/** Details that are a layout's shape or a screen's orientation (LAYOUT_SHAPE_MISMATCH): said as the shape's words. */
const SHAPE_DETAILS = ['shape', 'orientation'];

function detailText(name, value, details = {}, names = {}) {
  if (names[name]) return Array.isArray(value) ? value.map((id) => names[name](id)).join(', ') : names[name](value);
  if (name === 'field') return fieldLabel(value, details.language);
  if (name === 'language' && typeof value === 'string') return languageName(value);
  if (SHAPE_DETAILS.includes(name) && typeof value === 'string') return shapeText(value);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => detailText('', v)).join(', ');
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string' && INSTANT.test(value)) return formatDateTime(value);
  return String(value);
}

/** Refusals that list what uses something: their {uses} names only the kinds that do, each kind with its words. */
const USES = {
  CONTENT_IN_USE: {playlists: 'uses.playlists', campaigns: 'uses.campaigns', screens: 'uses.screens', layouts: 'uses.layouts'},
  LAYOUT_IN_USE: {gates: 'uses.gates', campaigns: 'uses.campaigns', screens: 'uses.screensOwnLayout'},
};

/** The sentence for a refusal, or null when this console has no words for its code; `names` as above. */
export function refusalText(code, details, names = {}) {
  if (!code) return null;
  const template = tOr(`error.${code}`, null);
  if (template === null) return null;
  const params = {};
  for (const [name, value] of Object.entries(details || {})) params[name] = detailText(name, value, details, names);
  if (USES[code]) {
    // By the names people gave them: the refusal's own (details.names[kind][id]), else the view's, else the id.
    const nameOf = (kind, id) => ((details.names || {})[kind] || {})[id] || (names[kind] ? names[kind](id) : id);
    params.uses = Object.entries(USES[code]).filter(([kind]) => ((details || {})[kind] || []).length > 0)
      .map(([kind, key]) => t(key, {list: details[kind].map((id) => nameOf(kind, id)).join(', ')})).join('; ');
  }
  return t(`error.${code}`, params);
}

/** What to show for any failure: the translated refusal (ids named through `names`), else the message (English from the controller). */
export function errorText(err, names) {
  if (!err) return '';
  return refusalText(err.code, err.details, names) || err.message;
}
