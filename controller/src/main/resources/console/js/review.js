// The approval queue: items awaiting review, each approved (the revision read) or rejected with a reason.
import {h, fill, field} from './dom.js';
import {api, session} from './api.js';
import {t} from './i18n.js';
import {contentCard} from './contentcard.js';
import {previewToggle} from './library.js';

export function renderReview(main) {
  const list = h('div', {class: 'items'});
  const message = h('p', {class: 'message', role: 'status', 'aria-live': 'polite'});
  fill(main, h('h1', {}, t('review.title')), message, list);

  function say(text, error) {
    message.className = error ? 'message error' : 'message';
    message.textContent = text;
  }

  // Media types by checksum, for the previews (a video plays, an image shows).
  let mimeTypes = new Map();

  async function load() {
    const [pending, media] = await Promise.all([api.get('/api/v1/content?status=PENDING'), api.get('/api/v1/media')]);
    mimeTypes = new Map(media.map((m) => [m.sha256, m.mimeType]));
    fill(list, pending.length === 0 ? h('p', {class: 'empty'}, t('review.empty')) : pending.map(reviewCard));
  }

  function reviewCard(item) {
    const me = session.user.username;
    if (item.author === me || item.submittedBy === me) {
      return contentCard(item, previewToggle(item, () => mimeTypes), h('p', {class: 'hint'}, t('review.own')));
    }
    const reason = h('textarea', {id: `reason-${item.id}`, rows: 2, 'data-reason': item.id});
    const decide = async (verb) => {
      if (verb === 'reject' && !reason.value.trim()) {
        say(t('review.reasonNeeded'), true);
        reason.focus();
        return;
      }
      try {
        const body = verb === 'reject' ? {revision: item.revision, reason: reason.value.trim()} : {revision: item.revision};
        await api.post(`/api/v1/content/${encodeURIComponent(item.id)}/${verb}`, body);
        say(t(verb === 'approve' ? 'review.approved' : 'review.rejected', {title: item.title}));
        await load();
      } catch (err) {
        say(t('common.error', {message: err.message}), true);
      }
    };
    // The approver sees each language as the screen will show it before deciding.
    return contentCard(item, previewToggle(item, () => mimeTypes),
      h('div', {class: 'decision'},
        h('button', {type: 'button', class: 'primary', 'data-approve': item.id, onclick: () => decide('approve')},
          t('review.approve')),
        field(t('review.reason'), reason),
        h('button', {type: 'button', class: 'danger', 'data-reject': item.id, onclick: () => decide('reject')},
          t('review.reject'))));
  }

  load().catch((err) => say(t('common.error', {message: err.message}), true));
}
