// The operator's playlists: make one, put items in order (drag, or the ↑ ↓ buttons from the
// keyboard), set each item's weight and an optional fixed position, take items out, and delete a
// playlist no campaign plays (the controller names the ones that do).
import {h, fill, field} from './dom.js';
import {api} from './api.js';
import {t, tOr, formatDuration} from './i18n.js';
import {followName, ID_PATTERN} from './slug.js';

const MAX_WEIGHT = 1000;
const MAX_ENTRIES = 500;

export function renderPlaylists(main) {
  const message = h('p', {class: 'message', role: 'status', 'aria-live': 'polite'});
  const listBox = h('section', {class: 'card', 'aria-labelledby': 'pl-list-h'});
  const editorBox = h('div', {id: 'playlist-editor'});
  let playlists = [];
  let items = [];

  fill(main, h('h1', {}, t('pl.title')), h('p', {class: 'hint'}, t('pl.intro')), message, listBox, editorBox);

  function say(text, error) {
    message.className = error ? 'message error' : 'message';
    message.textContent = text;
  }

  async function load() {
    [playlists, items] = await Promise.all([api.get('/api/v1/playlists'), api.get('/api/v1/content')]);
    drawList();
  }

  const titleOf = (id) => (items.find((i) => i.id === id) || {title: id}).title;
  const secondsOf = (id) => {
    const item = items.find((i) => i.id === id);
    return item && item.variants && item.variants.length ? item.variants[0].seconds : 0;
  };

  function drawList() {
    fill(listBox, h('h2', {id: 'pl-list-h'}, t('pl.list')),
      playlists.length === 0 ? h('p', {class: 'empty'}, t('pl.none')) : h('ul', {class: 'plain'}, playlists.map((p) =>
        h('li', {'data-playlist': p.id}, h('strong', {}, p.name || p.id), ' ',
          t('pl.summary', {count: p.entries.length,
            duration: formatDuration(p.entries.reduce((sum, e) => sum + secondsOf(e.contentId), 0))}), ' ',
          h('button', {type: 'button', 'data-edit-playlist': p.id, onclick: () => editor(p)}, t('setup.edit')),
          ' ',
          h('button', {type: 'button', class: 'danger', 'data-delete-playlist': p.id, onclick: () => remove(p)},
            t('setup.delete'))))),
      h('button', {type: 'button', class: 'primary', 'data-action': 'new-playlist', onclick: () => editor(null)},
        t('pl.new')));
  }

  async function remove(p) {
    if (!confirm(t('pl.confirmDelete', {name: p.name || p.id}))) return;
    try {
      await api.del(`/api/v1/playlists/${encodeURIComponent(p.id)}`);
      say(t('pl.deleted', {name: p.name || p.id}));
      fill(editorBox);
      await load();
    } catch (err) {
      say(t('common.error', {message: err.message}), true);
    }
  }

  function editor(existing) {
    // The working copy: entries in play order, each {contentId, weight, position}.
    const entries = existing ? existing.entries.map((e) => ({...e})) : [];
    const name = h('input', {id: 'pl-name', required: true, maxLength: 200, autocomplete: 'off',
      value: existing ? existing.name || existing.id : ''});
    const id = h('input', {id: 'pl-id', required: true, pattern: ID_PATTERN, 'data-pattern-hint': t('setup.idHint'),
      value: existing ? existing.id : '', disabled: !!existing, autocomplete: 'off'});
    followName(name, id);
    const rows = h('ol', {class: 'playlist-entries', id: 'pl-entries'});
    const total = h('p', {class: 'hint', id: 'pl-total', role: 'status', 'aria-live': 'polite'});
    const addSelect = h('select', {id: 'pl-add'});
    let dragged = null;

    function drawAdd() {
      const free = items.filter((i) => !entries.some((e) => e.contentId === i.id) && i.status !== 'RETIRED');
      fill(addSelect, h('option', {value: ''}, t('pl.choose')),
        free.map((i) => h('option', {value: i.id}, `${i.title} (${tOr(`status.${i.status}`, i.status)})`)));
    }

    function move(from, to) {
      if (to < 0 || to >= entries.length) return;
      const [entry] = entries.splice(from, 1);
      entries.splice(to, 0, entry);
      drawRows();
      // Keep the keyboard on the moved item: the same arrow, or the other one when it reached the end.
      const arrows = [...rows.querySelectorAll(`li:nth-child(${to + 1}) button[data-dir]`)];
      const same = arrows.find((b) => b.dataset.dir === (to < from ? 'up' : 'down') && !b.disabled);
      const again = same || arrows.find((b) => !b.disabled);
      if (again) again.focus();
      total.textContent = t('pl.moved', {title: titleOf(entry.contentId), n: to + 1});
    }

    function drawRows() {
      fill(rows, entries.map((e, index) => {
        const weight = h('input', {type: 'number', min: 1, max: MAX_WEIGHT, value: e.weight || 1, required: true,
          id: `pl-weight-${index}`, 'data-weight': e.contentId, oninput: () => { e.weight = Number(weight.value); }});
        const position = h('input', {type: 'number', min: 1, max: MAX_ENTRIES, value: e.position || '',
          id: `pl-position-${index}`, 'data-position': e.contentId,
          oninput: () => { e.position = position.value === '' ? null : Number(position.value); }});
        return h('li', {class: 'playlist-entry', draggable: 'true', 'data-entry': e.contentId,
          ondragstart: (ev) => { dragged = index; ev.dataTransfer.effectAllowed = 'move'; },
          ondragover: (ev) => ev.preventDefault(),
          ondrop: (ev) => { ev.preventDefault(); if (dragged !== null) move(dragged, index); dragged = null; }},
        h('span', {class: 'drag', 'aria-hidden': 'true'}, '⠿'),
        h('span', {class: 'entry-title'}, `${index + 1}. ${titleOf(e.contentId)}`,
          h('span', {class: 'hint'}, ` · ${formatDuration(secondsOf(e.contentId))}`)),
        field(t('pl.weight'), weight), field(t('pl.position'), position),
        h('span', {class: 'buttons'},
          h('button', {type: 'button', 'data-dir': 'up', 'aria-label': t('pl.up', {title: titleOf(e.contentId)}),
            disabled: index === 0, onclick: () => move(index, index - 1)}, '↑'),
          h('button', {type: 'button', 'data-dir': 'down', 'aria-label': t('pl.down', {title: titleOf(e.contentId)}),
            disabled: index === entries.length - 1, onclick: () => move(index, index + 1)}, '↓'),
          h('button', {type: 'button', class: 'danger', 'data-remove': e.contentId,
            'aria-label': t('pl.remove', {title: titleOf(e.contentId)}),
            onclick: () => { entries.splice(index, 1); drawRows(); drawAdd(); }}, t('pl.removeShort'))));
      }));
      if (entries.length === 0) rows.append(h('li', {class: 'empty'}, t('pl.empty')));
      total.textContent = t('pl.total', {count: entries.length,
        duration: formatDuration(entries.reduce((sum, e) => sum + secondsOf(e.contentId), 0))});
    }

    const form = h('form', {class: 'card', onsubmit: async (ev) => {
      ev.preventDefault();
      if (entries.length === 0) {
        say(t('pl.needItems'), true);
        addSelect.focus();
        return;
      }
      const body = {name: name.value.trim(), entries: entries.map((e) => {
        const entry = {contentId: e.contentId, weight: e.weight || 1};
        if (e.position) entry.position = e.position;
        return entry;
      })};
      try {
        if (existing) await api.put(`/api/v1/playlists/${encodeURIComponent(existing.id)}`, body);
        else await api.post('/api/v1/playlists', {id: id.value.trim(), ...body});
        say(t('pl.saved', {name: body.name}));
        fill(editorBox);
        await load();
      } catch (err) {
        say(t('common.error', {message: err.message}), true);
      }
    }},
    h('h2', {}, existing ? t('pl.editTitle', {name: existing.name || existing.id}) : t('pl.new')),
    field(t('pl.name'), name), field(t('pl.id'), id, t('setup.idHint')),
    h('h3', {}, t('pl.entries')), h('p', {class: 'hint'}, t('pl.orderHint')), rows, total,
    h('div', {class: 'row-form'}, field(t('pl.add'), addSelect),
      h('button', {type: 'button', 'data-action': 'add-entry', onclick: () => {
        if (!addSelect.value) return;
        entries.push({contentId: addSelect.value, weight: 1, position: null});
        drawRows();
        drawAdd();
        addSelect.focus();
      }}, t('pl.addButton'))),
    h('div', {class: 'buttons'},
      h('button', {type: 'submit', class: 'primary', 'data-action': 'save-playlist'}, t('setup.save')),
      h('button', {type: 'button', onclick: () => fill(editorBox)}, t('common.cancel'))));
    drawRows();
    drawAdd();
    fill(editorBox, form);
    name.focus();
  }

  load().catch((err) => say(t('common.error', {message: err.message}), true));
}
