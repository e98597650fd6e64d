// What a screen plays, as a person reads it: agents report ids, the board and the screen page say an item's
// title, and an urgent alert as such.
import {api} from './api.js';
import {t} from './i18n.js';

/** The controller names an urgent alert `alert-` and 16 hex digits (`AlertService`). */
const ALERT_ID = /^alert-[0-9a-f]{16}$/;
let titles = new Map();
let asked = null;

/**
 * Reads the items' titles again (one request for the views that ask at the same time, as screennames.js does for
 * screens: the publish page's checks and rollout both ask); if that fails, the ids are shown as before.
 */
export function loadTitles() {
  if (!asked) {
    asked = api.get('/api/v1/content')
      .then((items) => { titles = new Map(items.map((item) => [item.id, item.title])); })
      .catch((err) => console.warn('item titles not read', err))
      .finally(() => { asked = null; });
  }
  return asked;
}

export function playingText(contentId) {
  if (!contentId) return t('common.none');
  if (titles.has(contentId)) return titles.get(contentId);
  return ALERT_ID.test(contentId) ? t('sched.alert') : contentId;
}
