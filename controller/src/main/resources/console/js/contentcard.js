// A content item as a card: title, status, review outcome, and its language variants side by side.
import {h, badge} from './dom.js';
import {api} from './api.js';
import {t, tOr, formatDateTime, languageName} from './i18n.js';
import {homeZone} from './gates.js';

const STATUS_TONE = {APPROVED: 'ok', REJECTED: 'bad', PENDING: 'warn', RETIRED: 'muted'};
/** Who last decided an item's status, worded for that status: a retired item was not rejected. */
const DECIDED_BY = {REJECTED: 'lib.rejectedBy', RETIRED: 'lib.retiredBy'};
/** The statuses whose card shows the reason given. */
const WITH_REASON = ['REJECTED', 'RETIRED'];

export function contentCard(item, ...actions) {
  const headingId = `item-${item.id}`;
  return h('article', {class: 'card item', 'data-item': item.id, 'aria-labelledby': headingId},
    h('div', {class: 'item-head'},
      h('h3', {id: headingId}, item.title),
      badge(tOr(`status.${item.status}`, item.status), STATUS_TONE[item.status] || 'muted')),
    h('p', {class: 'sub'}, `${item.id} · ${t('lib.revision', {revision: item.revision, author: item.submittedBy || item.author})}`),
    item.reviewedBy ? h('p', {class: 'sub'}, t(DECIDED_BY[item.status] || 'lib.reviewedBy', {who: item.reviewedBy,
      time: formatDateTime(item.reviewedAt, homeZone())})) : null,
    WITH_REASON.includes(item.status) && item.reviewReason
      ? h('p', {class: 'reason'}, t('lib.reason', {reason: item.reviewReason})) : null,
    h('div', {class: 'variants'}, item.variants.map(variant)),
    actions);
}

function variant(v) {
  const body = v.text !== null && v.text !== undefined
    ? h('p', {class: 'variant-text', lang: v.language}, v.text)
    : thumbnail(v.mediaSha256, languageName(v.language));
  return h('figure', {class: 'variant'},
    body,
    h('figcaption', {}, `${languageName(v.language)} · ${v.seconds} s`));
}

/** A media thumbnail; the API needs the token, so the image comes through fetch as a blob. */
export function thumbnail(sha256, alt) {
  const img = h('img', {alt, class: 'thumb', width: 160, height: 90});
  api.imageUrl(`/api/v1/media/${sha256}/thumbnail`).then((url) => {
    img.addEventListener('load', () => URL.revokeObjectURL(url), {once: true});
    img.src = url;
  }).catch(() => {});
  return img;
}
