// The controller refuses with a stable code and the details of the sentence (field, limit, value);
// this turns them into a sentence in the console's language. Only a code this console does not
// know yet falls back to the controller's English text.
import {t, tOr, formatNumber, formatDateTime, languageName} from './i18n.js';

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

function detailText(name, value, details = {}) {
  if (name === 'field') return fieldLabel(value, details.language);
  if (name === 'language' && typeof value === 'string') return languageName(value);
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => detailText('', v)).join(', ');
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string' && INSTANT.test(value)) return formatDateTime(value);
  return String(value);
}

/** Refusals that list what uses something: their {uses} names only the kinds that do. */
const USES = {CONTENT_IN_USE: ['playlists', 'campaigns', 'screens', 'layouts']};

/** The sentence for a refusal, or null when this console has no words for its code. */
export function refusalText(code, details) {
  if (!code) return null;
  const template = tOr(`error.${code}`, null);
  if (template === null) return null;
  const params = {};
  for (const [name, value] of Object.entries(details || {})) params[name] = detailText(name, value, details);
  if (USES[code]) {
    // By the names people gave them where the refusal has them (details.names[kind][id]), else by id.
    const named = (kind) => details[kind].map((id) => ((details.names || {})[kind] || {})[id] || id).join(', ');
    params.uses = USES[code].filter((kind) => ((details || {})[kind] || []).length > 0)
      .map((kind) => t(`uses.${kind}`, {list: named(kind)})).join('; ');
  }
  return t(`error.${code}`, params);
}

/** What to show for any failure: the translated refusal, else the message (English from the controller). */
export function errorText(err) {
  if (!err) return '';
  return refusalText(err.code, err.details) || err.message;
}
