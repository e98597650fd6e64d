// The technician's page: pair a kiosk by the code it shows, and set up gates (clusters), groups
// and screens (register, edit, move, tag, revoke, new MQTT password shown once).
import {h, fill, field, badge, formProblem} from './dom.js';
import {api} from './api.js';
import {t, languageName} from './i18n.js';
import {firstGate, isUnplacedGate, loadGates, gates, gateName} from './gates.js';
import {loadAssignments, ownLayout} from './layoutattach.js';
import {followName, ID_PATTERN} from './slug.js';

/** Zones of the gates this system is for first; any IANA zone may be typed. */
const ZONES = ['Asia/Ho_Chi_Minh', 'Asia/Bangkok', 'Asia/Vientiane', 'Asia/Phnom_Penh', 'Asia/Shanghai', 'UTC'];

export function renderSetup(main) {
  const message = h('p', {class: 'message', role: 'status', 'aria-live': 'polite'});
  const pairBox = h('section', {class: 'card', 'aria-labelledby': 'pair-h'});
  const gatesBox = h('section', {class: 'card', 'aria-labelledby': 'gates-h'});
  const groupsBox = h('section', {class: 'card', 'aria-labelledby': 'groups-h'});
  const screensBox = h('section', {class: 'card', 'aria-labelledby': 'screens-h'});
  let data = {screens: [], groups: [], playlists: [], assignments: []};

  fill(main, h('h1', {}, t('setup.title')), message, pairBox, gatesBox, groupsBox, screensBox);

  /** Says `text` at the top, with a `note` (a link, say) after it. */
  function say(text, error, note) {
    message.className = error ? 'message error' : 'message';
    fill(message, text, note ? [' ', note] : null);
  }
  /** A refusal is shown in the form that was sent (where the eye is), else at the top. */
  const failed = (err, form) => (form ? formProblem(form, err.message) : say(t('common.error', {message: err.message}), true));

  async function load() {
    await loadGates();
    const [screens, groups, playlists, assignments] = await Promise.all([
      api.get('/api/v1/screens'), api.get('/api/v1/groups'),
      api.get('/api/v1/playlists').catch(() => []), loadAssignments()]);
    data = {screens, groups, playlists, assignments};
    drawPair();
    drawGates();
    drawGroups();
    drawScreens();
  }

  async function act(work, done, form, note) {
    try {
      await work();
      say(done, false, note);
      await load();
      return true;
    } catch (err) {
      failed(err, form);
      return false;
    }
  }

  function gateSelect(id, selected) {
    return h('select', {id, required: true}, gates().map((g) =>
      h('option', {value: g.id, selected: g.id === selected}, gateName(g.id))));
  }

  // --- pairing: the kiosk shows a code; the technician types it, picks gate and name, done.
  function drawPair() {
    const code = h('input', {id: 'pair-code', required: true, autocomplete: 'off', autocapitalize: 'characters',
      spellcheck: false, pattern: '[A-Za-z0-9 \\-]{4,16}', 'data-pattern-hint': t('setup.pair.codeHint')});
    const name = h('input', {id: 'pair-name', required: true, maxLength: 200, autocomplete: 'off'});
    const screenId = h('input', {id: 'pair-id', required: true, pattern: ID_PATTERN,
      'data-pattern-hint': t('setup.idHint'), autocomplete: 'off'});
    followName(name, screenId);
    const gate = gateSelect('pair-gate', firstGate());
    const form = h('form', {onsubmit: async (e) => {
      e.preventDefault();
      const typed = code.value.trim().toUpperCase();
      const id = screenId.value.trim();
      // Its page shows it come online, and why it waits if it does.
      const ok = await act(() => api.post(`/api/v1/enrollments/${encodeURIComponent(typed)}/assign`,
        {screenId: id, name: name.value.trim(), clusterId: gate.value}),
      t('setup.pair.done', {name: name.value.trim(), gate: gateName(gate.value)}), form,
      h('a', {href: `#/screens/${encodeURIComponent(id)}`, 'data-paired': id}, t('setup.pair.toScreen')));
      if (ok) form.reset();
    }},
    field(t('setup.pair.code'), code, t('setup.pair.codeHint')),
    field(t('setup.screen.name'), name),
    field(t('setup.screen.id'), screenId, t('setup.idHint')),
    field(t('setup.screen.gate'), gate),
    // Only the unplaced gate: a screen paired now would play nothing until it is moved to a gate.
    isUnplacedGate(firstGate()) ? h('p', {class: 'hint', id: 'pair-no-gate'}, t('setup.pair.noGate')) : null,
    h('button', {type: 'submit', class: 'primary', 'data-action': 'pair'}, t('setup.pair.submit')));
    fill(pairBox, h('h2', {id: 'pair-h'}, t('setup.pair.title')), h('p', {class: 'hint'}, t('setup.pair.intro')), form);
  }

  // --- gates
  function drawGates() {
    const rows = gates().map((g) => h('tr', {'data-gate': g.id},
      // The built-in gate keeps screens no one has placed yet: say so, in the console's language.
      h('th', {scope: 'row'}, gateName(g.id), h('br'), h('span', {class: 'hint'},
        g.id === 'default' ? `${g.id} · ${t('setup.gates.defaultHint')}` : g.id),
        ownLayout(data.assignments, 'GATE', g.id) ? h('span', {class: 'hint', 'data-gate-layout': g.id},
          h('br'), ownLayout(data.assignments, 'GATE', g.id)) : null),
      h('td', {'data-label': t('setup.gate.province')}, g.province || t('common.none')),
      h('td', {'data-label': t('setup.gate.zone')}, g.zone),
      h('td', {'data-label': t('setup.gate.languages')}, (g.languages || []).map(languageName).join(' › ')),
      h('td', {}, h('button', {type: 'button', 'data-edit-gate': g.id, onclick: () => gateForm(g)}, t('setup.edit')))));
    fill(gatesBox, h('h2', {id: 'gates-h'}, t('setup.gates.title')),
      h('div', {class: 'table-wrap'}, h('table', {class: 'stack'},
        h('thead', {}, h('tr', {}, [t('setup.gate.name'), t('setup.gate.province'), t('setup.gate.zone'),
          t('setup.gate.languages'), ''].map((c) => h('th', {scope: 'col'}, c)))),
        h('tbody', {}, rows))),
      h('button', {type: 'button', class: 'primary', 'data-action': 'new-gate', onclick: () => gateForm(null)},
        t('setup.gates.new')),
      h('div', {id: 'gate-form-box'}));
  }

  function gateForm(existing) {
    const box = gatesBox.querySelector('#gate-form-box');
    const name = h('input', {id: 'gate-name', required: true, maxLength: 200, autocomplete: 'off',
      value: existing ? existing.name : ''});
    const id = h('input', {id: 'gate-id', required: true, pattern: ID_PATTERN, 'data-pattern-hint': t('setup.idHint'),
      value: existing ? existing.id : '', disabled: !!existing, autocomplete: 'off'});
    followName(name, id);
    const province = h('input', {id: 'gate-province', required: true, maxLength: 200,
      value: existing ? existing.province : ''});
    const zone = h('input', {id: 'gate-zone', required: true, list: 'gate-zones',
      value: existing ? existing.zone : 'Asia/Ho_Chi_Minh', autocomplete: 'off'});
    const languages = h('input', {id: 'gate-languages', required: true, autocomplete: 'off',
      value: existing ? (existing.languages || []).join(', ') : 'vi, zh-Hans, en',
      pattern: '[A-Za-z0-9\\-]+(\\s*,\\s*[A-Za-z0-9\\-]+)*\\s*', 'data-pattern-hint': t('setup.gate.languagesHint')});
    const playlist = h('select', {id: 'gate-playlist'},
      h('option', {value: ''}, t('setup.gate.noPlaylist')),
      data.playlists.map((p) => h('option', {value: p.id,
        selected: existing && existing.defaultPlaylistId === p.id}, p.name || p.id)));
    const form = h('form', {class: 'card inner', onsubmit: async (e) => {
      e.preventDefault();
      const body = {name: name.value.trim(), province: province.value.trim(), zone: zone.value.trim(),
        languages: languages.value.split(',').map((l) => l.trim()).filter(Boolean)};
      // Sent only when chosen: a controller without default playlists does not know the field.
      if (playlist.value) body.defaultPlaylistId = playlist.value;
      const done = t(existing ? 'setup.gates.saved' : 'setup.gates.created', {name: body.name});
      await act(() => (existing
        ? api.put(`/api/v1/clusters/${encodeURIComponent(existing.id)}`, body)
        : api.post('/api/v1/clusters', {id: id.value.trim(), ...body})), done, form);
    }},
    h('h3', {}, existing ? t('setup.gates.editTitle', {name: existing.name}) : t('setup.gates.new')),
    field(t('setup.gate.name'), name),
    field(t('setup.gate.id'), id, t('setup.idHint')),
    field(t('setup.gate.province'), province),
    field(t('setup.gate.zone'), zone, t('setup.gate.zoneHint')),
    h('datalist', {id: 'gate-zones'}, ZONES.map((z) => h('option', {value: z}))),
    field(t('setup.gate.languages'), languages, t('setup.gate.languagesHint')),
    field(t('setup.gate.playlist'), playlist, t('setup.gate.playlistHint')),
    h('div', {class: 'buttons'},
      h('button', {type: 'submit', class: 'primary', 'data-action': 'save-gate'}, t('setup.save')),
      h('button', {type: 'button', onclick: () => fill(box)}, t('common.cancel'))));
    fill(box, form);
    name.focus();
  }

  // --- groups
  function screenChecks(name, chosen) {
    return h('fieldset', {class: 'checks'}, h('legend', {}, t('setup.group.screens')),
      data.screens.length === 0 ? h('p', {class: 'hint'}, t('setup.screens.none')) : data.screens.map((s) =>
        h('div', {class: 'check'},
          h('input', {type: 'checkbox', id: `${name}-${s.id}`, name, value: s.id, checked: chosen.includes(s.id)}),
          h('label', {for: `${name}-${s.id}`}, `${s.name || s.id} (${gateName(s.clusterId)})`))));
  }

  function drawGroups() {
    const list = data.groups.length === 0 ? h('p', {class: 'empty'}, t('setup.groups.none'))
      : h('ul', {class: 'plain'}, data.groups.map((g) => h('li', {'data-group': g.id},
        h('strong', {}, g.name), ` — ${groupCount(g)} `,
        h('button', {type: 'button', 'data-edit-group': g.id, onclick: () => groupForm(g)}, t('setup.edit')))));
    fill(groupsBox, h('h2', {id: 'groups-h'}, t('setup.groups.title')), list,
      h('button', {type: 'button', class: 'primary', 'data-action': 'new-group', onclick: () => groupForm(null)},
        t('setup.groups.new')),
      h('div', {id: 'group-form-box'}));
  }

  /** How many screens a group has, revoked ones apart: they stay members, but show nothing. */
  function groupCount(group) {
    const revoked = group.screenIds.filter((id) => data.screens.some((s) => s.id === id && s.revokedAt)).length;
    const count = group.screenIds.length - revoked;
    return revoked === 0 ? t('setup.groups.count', {count}) : t('setup.groups.countRevoked', {count, revoked});
  }

  function groupForm(existing) {
    const box = groupsBox.querySelector('#group-form-box');
    const name = h('input', {id: 'group-name', required: true, maxLength: 200, autocomplete: 'off',
      value: existing ? existing.name : ''});
    const id = h('input', {id: 'group-id', required: true, pattern: ID_PATTERN, 'data-pattern-hint': t('setup.idHint'),
      value: existing ? existing.id : '', disabled: !!existing, autocomplete: 'off'});
    followName(name, id);
    const checks = screenChecks('group-screen', existing ? existing.screenIds : []);
    const form = h('form', {class: 'card inner', onsubmit: async (e) => {
      e.preventDefault();
      const screenIds = [...checks.querySelectorAll('input:checked')].map((c) => c.value);
      const body = {name: name.value.trim(), screenIds};
      await act(() => (existing
        ? api.put(`/api/v1/groups/${encodeURIComponent(existing.id)}`, body)
        : api.post('/api/v1/groups', {id: id.value.trim(), ...body})), t('setup.groups.saved', {name: body.name}), form);
    }},
    h('h3', {}, existing ? existing.name : t('setup.groups.new')),
    field(t('setup.group.name'), name), field(t('setup.group.id'), id, t('setup.idHint')), checks,
    h('div', {class: 'buttons'},
      h('button', {type: 'submit', class: 'primary', 'data-action': 'save-group'}, t('setup.save')),
      existing ? h('button', {type: 'button', class: 'danger', onclick: async () => {
        if (!confirm(t('setup.groups.confirmDelete', {name: existing.name}))) return;
        await act(() => api.del(`/api/v1/groups/${encodeURIComponent(existing.id)}`),
          t('setup.groups.deleted', {name: existing.name}));
      }}, t('setup.delete')) : null,
      h('button', {type: 'button', onclick: () => fill(box)}, t('common.cancel'))));
    fill(box, form);
    name.focus();
  }

  // --- screens
  function drawScreens() {
    const rows = data.screens.map((s) => h('tr', {'data-screen': s.id},
      h('th', {scope: 'row'}, h('a', {href: `#/screens/${encodeURIComponent(s.id)}`}, s.name || s.id),
        h('br'), h('span', {class: 'hint'}, s.id)),
      h('td', {'data-label': t('setup.screen.gate')}, gateName(s.clusterId)),
      h('td', {'data-label': t('setup.screen.groups')}, (s.groups || []).map((g) => (data.groups.find((x) => x.id === g) || {name: g}).name).join(', ')
        || t('common.none')),
      h('td', {'data-label': t('setup.screen.tags')}, (s.tags || []).join(', ') || t('common.none')),
      h('td', {'data-label': t('setup.screen.state')}, s.revokedAt ? badge(t('state.REVOKED'), 'bad') : badge(t('setup.screens.active'), 'ok')),
      h('td', {}, h('button', {type: 'button', 'data-edit-screen': s.id, onclick: () => screenForm(s)}, t('setup.edit')))));
    fill(screensBox, h('h2', {id: 'screens-h'}, t('setup.screens.title')),
      data.screens.length === 0 ? h('p', {class: 'empty'}, t('setup.screens.none')) :
        h('div', {class: 'table-wrap'}, h('table', {class: 'stack'},
          h('thead', {}, h('tr', {}, [t('setup.screen.name'), t('setup.screen.gate'), t('setup.screen.groups'),
            t('setup.screen.tags'), t('setup.screen.state'), ''].map((c) => h('th', {scope: 'col'}, c)))),
          h('tbody', {}, rows))),
      h('button', {type: 'button', class: 'primary', 'data-action': 'new-screen', onclick: () => screenForm(null)},
        t('setup.screens.new')),
      h('div', {id: 'screen-form-box'}));
  }

  function passwordOnce(box, screenName, password) {
    const out = h('output', {class: 'secret', id: 'mqtt-password'}, password);
    const copied = h('span', {role: 'status', 'aria-live': 'polite'});
    fill(box, h('div', {class: 'card inner once', role: 'region', 'aria-labelledby': 'once-h'},
      h('h3', {id: 'once-h'}, t('setup.password.title', {name: screenName})),
      h('p', {}, t('setup.password.once')), out, ' ',
      h('button', {type: 'button', 'data-action': 'copy-password', onclick: async () => {
        try {
          await navigator.clipboard.writeText(password);
          copied.textContent = t('setup.password.copied');
        } catch {
          // No clipboard (plain http, old browser): select the text so Ctrl+C copies it.
          getSelection().selectAllChildren(out);
          copied.textContent = t('setup.password.select');
        }
      }}, t('setup.password.copy')), ' ', copied));
  }

  function screenForm(existing) {
    const box = screensBox.querySelector('#screen-form-box');
    const name = h('input', {id: 'screen-name', required: true, maxLength: 200, autocomplete: 'off',
      value: existing ? existing.name : ''});
    const id = h('input', {id: 'screen-id', required: true, pattern: ID_PATTERN, 'data-pattern-hint': t('setup.idHint'),
      value: existing ? existing.id : '', disabled: !!existing, autocomplete: 'off'});
    followName(name, id);
    const gate = gateSelect('screen-gate', existing ? existing.clusterId : firstGate());
    const location = h('input', {id: 'screen-location', maxLength: 200, value: existing && existing.location || ''});
    const tags = h('input', {id: 'screen-tags', autocomplete: 'off', value: existing ? (existing.tags || []).join(', ') : '',
      pattern: '\\s*[a-z0-9][a-z0-9_\\-]*(\\s*,\\s*[a-z0-9][a-z0-9_\\-]*)*\\s*', 'data-pattern-hint': t('setup.screen.tagsHint')});
    const groupChecks = h('fieldset', {class: 'checks'}, h('legend', {}, t('setup.screen.groups')),
      data.groups.length === 0 ? h('p', {class: 'hint'}, t('setup.groups.none')) : data.groups.map((g) =>
        h('div', {class: 'check'},
          h('input', {type: 'checkbox', id: `screen-group-${g.id}`, value: g.id,
            checked: !!existing && (existing.groups || []).includes(g.id)}),
          h('label', {for: `screen-group-${g.id}`}, g.name))));
    const form = h('form', {class: 'card inner', onsubmit: async (e) => {
      e.preventDefault();
      const body = {name: name.value.trim(), clusterId: gate.value,
        tags: tags.value.split(',').map((x) => x.trim()).filter(Boolean),
        groups: [...groupChecks.querySelectorAll('input:checked')].map((c) => c.value)};
      if (location.value.trim()) body.location = location.value.trim();
      if (existing) {
        await act(() => api.put(`/api/v1/screens/${encodeURIComponent(existing.id)}`, body),
          t('setup.screens.saved', {name: body.name}), form);
        return;
      }
      try {
        const registered = await api.post('/api/v1/screens', {id: id.value.trim(), ...body});
        say(t('setup.screens.registered', {name: body.name}));
        await load();
        passwordOnce(screensBox.querySelector('#screen-form-box'), body.name, registered.mqttPassword);
      } catch (err) {
        failed(err, form);
      }
    }},
    h('h3', {}, existing ? t('setup.screens.editTitle', {name: existing.name || existing.id}) : t('setup.screens.new')),
    field(t('setup.screen.name'), name), field(t('setup.screen.id'), id, t('setup.idHint')),
    field(t('setup.screen.gate'), gate), field(t('setup.screen.location'), location),
    field(t('setup.screen.tags'), tags, t('setup.screen.tagsHint')), groupChecks,
    h('div', {class: 'buttons'},
      h('button', {type: 'submit', class: 'primary', 'data-action': 'save-screen'},
        existing ? t('setup.save') : t('setup.screens.register')),
      existing && !existing.revokedAt ? h('button', {type: 'button', 'data-action': 'new-password', onclick: async () => {
        if (!confirm(t('setup.password.confirm', {name: existing.name || existing.id}))) return;
        try {
          const answer = await api.post(`/api/v1/screens/${encodeURIComponent(existing.id)}/mqtt-password`);
          say(t('setup.password.made', {name: existing.name || existing.id}));
          passwordOnce(box, existing.name || existing.id, answer.mqttPassword);
        } catch (err) {
          failed(err);
        }
      }}, t('setup.password.new')) : null,
      existing && !existing.revokedAt ? h('button', {type: 'button', class: 'danger', 'data-action': 'revoke',
        onclick: async () => {
          if (!confirm(t('setup.screens.confirmRevoke', {name: existing.name || existing.id}))) return;
          await act(() => api.post(`/api/v1/screens/${encodeURIComponent(existing.id)}/revoke`),
            t('setup.screens.revoked', {name: existing.name || existing.id}));
        }}, t('setup.screens.revoke')) : null,
      h('button', {type: 'button', onclick: () => fill(box)}, t('common.cancel'))));
    fill(box, form);
    name.focus();
  }

  load().catch(failed);
}
