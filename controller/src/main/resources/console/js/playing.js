// What a screen plays, as a person reads it: agents report ids, the board and the screen page say an item's
// title, and an urgent alert as such.
import {api} from './api.js';
import {t} from './i18n.js';

/** The controller names an urgent alert `alert-` and 16 hex digits (`AlertService`). */
const ALERT_ID = /^alert-[0-9a-f]{16}$/;
let titles = new Map();

/** Reads the items' titles again; if that fails, the ids are shown as before. */
export async function loadTitles() {
  try {
    titles = new Map((await api.get('/api/v1/content')).map((item) => [item.id, item.title]));
  } catch (err) {
    console.warn('item titles not read', err);
  }
}

export function playingText(contentId) {
  if (!contentId) return t('common.none');
  if (titles.has(contentId)) return titles.get(contentId);
  return ALERT_ID.test(contentId) ? t('sched.alert') : contentId;
}
