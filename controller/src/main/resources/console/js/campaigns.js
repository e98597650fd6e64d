// Campaigns: the list with each one's timing in words, and for schedulers the create/edit form
// (playlist, targets, first and last day, hours of the day, a plain repeat rule, priority, weight,
// languages). The controller checks everything again; its refusal is shown next to the form.
import {h, fill, field, uid} from './dom.js';
import {api} from './api.js';
import {t} from './i18n.js';
import {may, SCHEDULERS} from './roles.js';
import {gates, gateName} from './gates.js';
import {loadAssignments, ownLayout} from './layoutattach.js';
import {DAYS, addDays, describeCampaign, describeRecurrence, hhmm, lastDay, parseRecurrence,
  toRecurrence} from './recurrence.js';

// Eight background tones that keep dark text above 4.5:1 contrast; a campaign keeps its tone.
const TONES = ['#cfe3fb', '#d6f0d9', '#fde2c4', '#eadcf8', '#fbd5dc', '#d3eef0', '#f4ecc2', '#e1e5ea'];

/** The campaign's colour on the calendar and in the list. */
export function toneOf(id) {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + ch.codePointAt(0)) >>> 0;
  return TONES[hash % TONES.length];
}

export function renderCampaigns(box, {onChange}) {
  const editor = h('section', {class: 'card campaign-form', 'aria-labelledby': 'camp-form-h', hidden: true});
  const listBox = h('div', {});
  const status = h('p', {class: 'message', role: 'status', 'aria-live': 'polite'});
  const scheduler = may(SCHEDULERS);
  let campaigns = [];
  let assignments = [];

  fill(box,
    h('div', {class: 'section-head'},
      h('h2', {id: 'camp-h'}, t('camp.list')),
      scheduler ? h('button', {type: 'button', class: 'primary', id: 'camp-new', onclick: () => edit(null)}, t('camp.new'))
        : h('p', {class: 'hint'}, t('camp.readOnly'))),
    status, editor, listBox);

  async function load() {
    [campaigns, assignments] = await Promise.all([api.get('/api/v1/campaigns'), loadAssignments()]);
    drawList();
  }

  function drawList() {
    if (!campaigns.length) {
      fill(listBox, h('p', {class: 'empty'}, t('camp.none')));
      return;
    }
    fill(listBox, h('table', {class: 'list campaigns'},
      h('thead', {}, h('tr', {}, ['name', 'when', 'priority', 'where'].map((c) => h('th', {scope: 'col'}, t(`camp.col.${c}`))),
        scheduler ? h('th', {scope: 'col'}, h('span', {class: 'visually-hidden'}, t('camp.edit'))) : null)),
      h('tbody', {}, campaigns.map((c) => h('tr', {'data-campaign': c.id},
        h('th', {scope: 'row'}, h('span', {class: 'swatch', style: `background:${toneOf(c.id)}`, 'aria-hidden': 'true'}),
          c.name, h('span', {class: 'sub'}, c.id),
          ownLayout(assignments, 'CAMPAIGN', c.id) ? h('span', {class: 'sub', 'data-campaign-layout': c.id},
            ownLayout(assignments, 'CAMPAIGN', c.id)) : null),
        h('td', {class: 'sentence'}, describeCampaign(c, t)),
        h('td', {}, String(c.priority)),
        h('td', {}, where(c.targets)),
        scheduler ? h('td', {}, h('button', {type: 'button', class: 'link-button', onclick: () => edit(c),
          'aria-label': `${t('camp.edit')} ${c.name}`}, t('camp.edit'))) : null)))));
  }

  function where(targets) {
    // Gates by their names, as everywhere else; groups, tags and screens as they are targeted.
    return [...(targets.clusters || []).map(gateName),
      ...['groups', 'tags', 'screens'].flatMap((k) => targets[k] || [])].join(', ');
  }

  async function edit(campaign) {
    let playlists;
    let groups;
    let screens;
    try {
      [playlists, groups, screens] = await Promise.all([api.get('/api/v1/playlists'), api.get('/api/v1/groups'),
        api.get('/api/v1/screens')]);
    } catch (err) {
      status.className = 'message error';
      status.textContent = t('common.error', {message: err.message});
      return;
    }
    editor.hidden = false;
    campaignForm(editor, campaign, {playlists, groups, screens: screens.filter((s) => !s.revokedAt)}, {
      saved: async (answer, words) => {
        status.className = 'message';
        status.textContent = words || t('camp.saved', {name: answer.name});
        editor.hidden = true;
        fill(editor);
        await load();
        onChange();
      },
      cancelled: () => { editor.hidden = true; fill(editor); },
    });
    editor.querySelector('h2').focus();
  }

  load().catch((err) => fill(listBox, h('p', {class: 'message error', role: 'alert'}, t('common.error', {message: err.message}))));

  return {
    /** Shows a campaign picked on the calendar: the form for schedulers, its row for everyone else. */
    open(id) {
      const campaign = campaigns.find((c) => c.id === id);
      if (!campaign) return;
      if (scheduler) {
        edit(campaign);
        return;
      }
      const row = listBox.querySelector(`tr[data-campaign="${CSS.escape(id)}"]`);
      if (row) { row.scrollIntoView({block: 'center'}); row.querySelector('th').focus?.(); }
    },
  };
}

function checkbox(name, value, label, checked) {
  const input = h('input', {type: 'checkbox', id: uid('cb'), name, value, checked});
  return h('div', {class: 'check'}, input, h('label', {for: input.id}, label));
}

function checkedValues(container, name) {
  return [...container.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
}

function campaignForm(box, campaign, {playlists, groups, screens}, {saved, cancelled}) {
  const c = campaign || {id: '', name: '', playlistId: '', targets: {}, start: '', end: '', dayparts: [],
    recurrences: [], priority: 0, weight: 1, languagePolicy: {mode: 'ROTATE'}};
  const targets = c.targets || {};
  const error = h('p', {class: 'message error', role: 'alert', id: 'camp-error'});
  const sentence = h('output', {class: 'sentence-preview', id: 'camp-sentence', 'aria-live': 'polite'});

  const id = h('input', {name: 'id', value: c.id, required: true, readOnly: Boolean(campaign), autocomplete: 'off'});
  const name = h('input', {name: 'name', value: c.name, required: true, autocomplete: 'off'});
  const playlist = h('select', {name: 'playlistId', required: true},
    playlists.map((p) => h('option', {value: p.id, selected: p.id === c.playlistId}, p.name && p.name !== p.id ? `${p.name} (${p.id})` : p.id)));
  const start = h('input', {type: 'date', name: 'start', value: c.start ? c.start.slice(0, 10) : '', required: true});
  const end = h('input', {type: 'date', name: 'end', value: c.end ? lastDay(c.end) : '', required: true});
  const priority = h('input', {type: 'number', name: 'priority', min: -1000, max: 1000, step: 1, value: c.priority});
  const weight = h('input', {type: 'number', name: 'weight', min: 1, max: 1000, step: 1, value: c.weight});
  const policy = h('select', {name: 'policy'}, ['ROTATE', 'EVERY', 'FIXED'].map((m) =>
    h('option', {value: m, selected: (c.languagePolicy || {}).mode === m}, t(`camp.policy.${m}`))));
  const language = h('input', {name: 'language', value: (c.languagePolicy || {}).language || '', autocomplete: 'off'});
  const languageField = field(t('camp.language'), language);
  const tags = h('input', {name: 'tags', value: (targets.tags || []).join(', '), autocomplete: 'off'});
  const screenSelect = h('select', {name: 'screens', multiple: true, size: Math.min(6, Math.max(2, screens.length))},
    screens.map((s) => h('option', {value: s.id, selected: (targets.screens || []).includes(s.id)},
      s.name && s.name !== s.id ? `${s.name} (${s.id})` : s.id)));

  // Hours of the day: rows of days + from/to.
  const partsBox = h('div', {class: 'dayparts'});
  const partRows = [];
  function addPart(part) {
    const row = h('fieldset', {class: 'daypart'});
    const from = h('input', {type: 'time', name: 'from', value: part ? hhmm(part.start) : '07:00', required: true});
    const to = h('input', {type: 'time', name: 'to', value: part ? hhmm(part.end) : '09:00', required: true});
    const remove = h('button', {type: 'button', class: 'link-button', onclick: () => {
      partRows.splice(partRows.indexOf(row), 1);
      row.remove();
      renumber();
      update();
    }});
    // One name per row: the row's day boxes are read as one group.
    const groupName = uid('days');
    row.dataset.days = groupName;
    fill(row, h('legend', {}), h('div', {class: 'day-boxes'}, DAYS.map((d) =>
      checkbox(groupName, d, t(`dayShort.${d}`), part ? part.days.includes(d) : false))),
    h('div', {class: 'row-form'}, field(t('camp.from'), from), field(t('camp.to'), to), remove));
    row.querySelectorAll('input').forEach((i) => i.addEventListener('input', update));
    partRows.push(row);
    partsBox.append(row);
    renumber();
    return row;
  }
  function renumber() {
    partRows.forEach((row, i) => {
      row.querySelector('legend').textContent = t('camp.daypartN', {n: i + 1});
      row.querySelector('.link-button').textContent = t('camp.removeDaypart', {n: i + 1});
    });
  }
  (c.dayparts || []).forEach(addPart);

  // Repeat: one plain rule, or what was there kept as written.
  const existing = c.recurrences || [];
  const plain = existing.length === 1 ? parseRecurrence(existing[0]) : null;
  const keepRaw = existing.length > 0 && !plain;
  const repeat = h('select', {name: 'repeat'},
    ['none', 'daily', 'weekly', 'monthly', 'yearly'].map((k) => h('option', {value: k}, t(`camp.repeat.${k}`))),
    keepRaw ? h('option', {value: 'custom'}, t('camp.repeat.custom')) : null);
  repeat.value = keepRaw ? 'custom' : plain ? plain.kind : 'none';
  const interval = h('input', {type: 'number', name: 'interval', min: 1, max: 366, value: plain && plain.interval ? plain.interval : 1});
  const repeatDays = h('fieldset', {class: 'checks'}, h('legend', {}, t('camp.days')), DAYS.map((d) =>
    checkbox('repeat-days', d, t(`dayShort.${d}`), plain && plain.kind === 'weekly' && plain.days.includes(d))));
  const monthDay = h('input', {type: 'number', name: 'monthDay', min: 1, max: 31, value: plain && plain.monthDay ? plain.monthDay : 1});
  const monthOf = h('input', {type: 'number', name: 'month', min: 1, max: 12, value: plain && plain.month ? plain.month : 1});
  const intervalField = field(t('camp.interval'), interval);
  const monthDayField = field(t('camp.monthDay'), monthDay);
  const monthField = field(t('camp.month'), monthOf);
  const rawBox = keepRaw ? h('div', {class: 'raw-rules'}, h('p', {class: 'hint'}, t('camp.rawRules')),
    h('ul', {}, existing.map((r) => h('li', {}, describeRecurrence(r, t))))) : null;

  function showRepeatControls() {
    const kind = repeat.value;
    intervalField.hidden = !['daily', 'weekly', 'monthly'].includes(kind);
    repeatDays.hidden = kind !== 'weekly';
    monthDayField.hidden = !['monthly', 'yearly'].includes(kind);
    monthField.hidden = kind !== 'yearly';
    if (rawBox) rawBox.hidden = kind !== 'custom';
    languageField.hidden = policy.value !== 'FIXED';
  }

  function recurrences() {
    switch (repeat.value) {
      case 'none': return [];
      case 'custom': return existing;
      case 'weekly': return [toRecurrence({kind: 'weekly', interval: Number(interval.value) || 1, days: checkedValues(repeatDays, 'repeat-days')})];
      case 'daily': case 'monthly':
        return [toRecurrence({kind: repeat.value, interval: Number(interval.value) || 1, monthDay: Number(monthDay.value)})];
      default: return [toRecurrence({kind: 'yearly', month: Number(monthOf.value), monthDay: Number(monthDay.value)})];
    }
  }

  /** The campaign as the API takes it, from the form. */
  function body() {
    const list = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);
    const mode = policy.value;
    return {
      id: id.value.trim(), name: name.value.trim(), playlistId: playlist.value,
      targets: {
        clusters: checkedValues(targetsBox, 'clusters'), groups: checkedValues(targetsBox, 'groups'),
        tags: list(tags.value), screens: [...screenSelect.selectedOptions].map((o) => o.value),
      },
      start: start.value ? `${start.value}T00:00` : '',
      end: end.value ? `${addDays(end.value, 1)}T00:00` : '',
      dayparts: partRows.map((row) => ({days: checkedValues(row, row.dataset.days),
        start: row.querySelector('input[name="from"]').value, end: row.querySelector('input[name="to"]').value})),
      recurrences: recurrences(),
      priority: Number(priority.value), weight: Number(weight.value),
      languagePolicy: mode === 'FIXED' ? {mode, language: language.value.trim()} : {mode},
    };
  }

  /** What the form cannot send; the controller checks the rest and its words are shown as they come. */
  function problem(b) {
    const tg = b.targets;
    if (!tg.clusters.length && !tg.groups.length && !tg.tags.length && !tg.screens.length) return t('camp.needTarget');
    if (!b.start || !b.end) return t('camp.needDates');
    if (b.end <= b.start) return t('camp.badDates');
    const empty = b.dayparts.findIndex((p) => p.days.length === 0);
    if (empty >= 0) return t('camp.needDays', {n: empty + 1});
    if (repeat.value === 'weekly' && !checkedValues(repeatDays, 'repeat-days').length) return t('camp.needRepeatDays');
    if (b.languagePolicy.mode === 'FIXED') {
      // A fixed language must be one a gate shows (a word like "klingon" has the shape of a tag but is none).
      const known = [...new Set([...gates().flatMap((g) => g.languages || []), 'vi', 'en', 'zh-Hans'])];
      if (!known.includes(b.languagePolicy.language)) {
        return t('camp.badFixedLanguage', {value: b.languagePolicy.language, known: known.join(', ')});
      }
    }
    return null;
  }

  function update() {
    showRepeatControls();
    const b = body();
    const ready = b.start && b.end && b.end > b.start && b.dayparts.every((p) => p.days.length);
    sentence.textContent = ready ? describeCampaign(b, t) : '';
  }

  const targetsBox = h('fieldset', {class: 'targets'}, h('legend', {}, t('camp.targets')),
    h('div', {class: 'checks'}, h('span', {class: 'sub'}, t('sched.gates')), gates().map((g) =>
      checkbox('clusters', g.id, gateName(g.id), (targets.clusters || []).includes(g.id)))),
    groups.length ? h('div', {class: 'checks'}, h('span', {class: 'sub'}, t('sched.groups')), groups.map((g) =>
      checkbox('groups', g.id, g.name || g.id, (targets.groups || []).includes(g.id)))) : null,
    h('div', {class: 'grid-2'}, field(t('sched.screens'), screenSelect), field(t('camp.tags'), tags)));

  async function submit(e) {
    e.preventDefault();
    const b = body();
    const wrong = problem(b);
    error.textContent = '';
    if (wrong) {
      error.textContent = wrong;
      return;
    }
    try {
      const answer = campaign
        ? await api.put(`/api/v1/campaigns/${encodeURIComponent(campaign.id)}`, b)
        : await api.post('/api/v1/campaigns', b);
      await saved(answer);
    } catch (err) {
      error.textContent = t('common.error', {message: err.message});
    }
  }

  async function remove() {
    if (!window.confirm(t('camp.confirmDelete', {name: campaign.name}))) return;
    try {
      await api.del(`/api/v1/campaigns/${encodeURIComponent(campaign.id)}`);
      await saved({name: campaign.name}, t('camp.deleted', {name: campaign.name}));
    } catch (err) {
      error.textContent = t('common.error', {message: err.message});
    }
  }

  const headingId = 'camp-form-h';
  fill(box,
    h('h2', {id: headingId, tabindex: '-1'}, campaign ? t('camp.editTitle', {name: campaign.name}) : t('camp.createTitle')),
    playlists.length ? null : h('p', {class: 'message error'}, t('camp.noPlaylists')),
    h('form', {onsubmit: submit, onchange: update, oninput: update, novalidate: true, 'aria-describedby': 'camp-error'},
      h('div', {class: 'grid-3'},
        field(t('camp.id'), id, campaign ? null : t('camp.idHint')),
        field(t('camp.name'), name),
        field(t('camp.playlist'), playlist)),
      targetsBox,
      h('div', {class: 'grid-3'}, field(t('camp.start'), start), field(t('camp.end'), end)),
      h('fieldset', {}, h('legend', {}, t('camp.dayparts')), h('p', {class: 'hint'}, t('camp.daypartsHint')), partsBox,
        h('button', {type: 'button', id: 'camp-add-daypart', onclick: () => { addPart(null).querySelector('input').focus(); update(); }},
          t('camp.addDaypart'))),
      h('fieldset', {class: 'repeat'}, h('legend', {}, t('camp.repeat')),
        h('div', {class: 'grid-3'}, field(t('camp.repeatKind'), repeat), intervalField, monthDayField, monthField),
        repeatDays, rawBox),
      h('div', {class: 'grid-3'},
        field(t('camp.priority'), priority, t('camp.priorityHint')),
        field(t('camp.weight'), weight, t('camp.weightHint')),
        field(t('camp.policy'), policy)),
      languageField,
      h('div', {class: 'sentence-box'}, h('span', {class: 'sub'}, t('camp.sentence')), sentence),
      error,
      h('div', {class: 'buttons'},
        h('button', {type: 'submit', class: 'primary', id: 'camp-save'}, t('camp.save')),
        h('button', {type: 'button', onclick: cancelled}, t('common.cancel')),
        campaign ? h('button', {type: 'button', class: 'danger', onclick: remove}, t('camp.delete')) : null)));
  update();
}
