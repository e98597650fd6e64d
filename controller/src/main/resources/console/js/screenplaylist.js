// A screen's own playlist (what it plays when no campaign is on): shown to everyone, and for an
// operator editable here — add an item, take one off. The next publish sends the change.
import {h, fill, field} from './dom.js';
import {api} from './api.js';
import {t} from './i18n.js';
import {may, SCHEDULERS} from './roles.js';

export function screenPlaylistSection(screenId) {
  const path = `/api/v1/screens/${encodeURIComponent(screenId)}`;
  const list = h('ol', {class: 'screen-playlist', id: 'screen-playlist'});
  const message = h('p', {class: 'message', role: 'status', 'aria-live': 'polite'});
  const add = h('select', {id: 'screen-playlist-add'});
  const editable = may(SCHEDULERS);
  let items = [];

  function say(text, error) {
    message.className = error ? 'message error' : 'message';
    message.textContent = text;
  }
  const titleOf = (id) => (items.find((i) => i.id === id) || {title: id}).title;

  async function load() {
    const [screen, content] = await Promise.all([api.get(path), api.get('/api/v1/content')]);
    items = content;
    const playlist = screen.playlist || [];
    fill(list, playlist.length === 0 ? h('li', {class: 'empty'}, t('spl.empty')) : playlist.map((id) =>
      h('li', {'data-screen-item': id}, titleOf(id), ' ',
        editable ? h('button', {type: 'button', class: 'danger', 'data-unschedule': id,
          'aria-label': t('pl.remove', {title: titleOf(id)}), onclick: () => remove(id)}, t('pl.removeShort')) : null)));
    fill(add, h('option', {value: ''}, t('pl.choose')),
      items.filter((i) => !playlist.includes(i.id) && i.status !== 'RETIRED').map((i) => h('option', {value: i.id}, i.title)));
  }

  async function remove(id) {
    try {
      await api.del(`${path}/playlist/${encodeURIComponent(id)}`);
      say(t('spl.removed', {title: titleOf(id)}));
      await load();
    } catch (err) {
      say(t('common.error', {message: err.message}), true);
    }
  }

  const form = editable ? h('form', {class: 'row-form', onsubmit: async (e) => {
    e.preventDefault();
    if (!add.value) return;
    const id = add.value;
    try {
      await api.post('/api/v1/schedule', {contentId: id, screenIds: [screenId]});
      say(t('spl.added', {title: titleOf(id)}));
      await load();
    } catch (err) {
      say(t('common.error', {message: err.message}), true);
    }
  }}, field(t('pl.add'), add), h('button', {type: 'submit', 'data-action': 'schedule-item'}, t('pl.addButton'))) : null;

  load().catch((err) => say(t('common.error', {message: err.message}), true));
  return h('section', {class: 'card', 'aria-labelledby': 'spl-h'},
    h('h2', {id: 'spl-h'}, t('spl.title')), h('p', {class: 'hint'}, t('spl.hint')), list, form, message);
}
