// The layout editor (issue 23): pick a template, say what each region plays (a playlist, or one to
// four widgets), and preview it in landscape and portrait, in each of the gate's languages, with
// the screens' own layout.js. The preview's view comes from the controller (POST
// /api/v1/layouts/preview), computed by the engine the screens use, so it shows the lunar date, the
// real QR code and the gate's facts; saving sends the layout as protocol's LayoutSpec JSON to the
// controller's layouts API. What saving says is said by the save button, and a new layout once
// saved is edited from then on; a layout attached nowhere can be deleted from the list. Below the
// editor: where layouts are attached, and the gates' facts.
import {h, fill, field, sayIn} from './dom.js';
import {api} from './api.js';
import {t, tOr, currentLanguage, languageName} from './i18n.js';
import {errorText} from './errors.js';
import {firstGate, gates, gateLanguages, gateName, zoneOf} from './gates.js';
import {slugOf, ID_PATTERN} from './slug.js';
import {SHAPES, TEMPLATES, TEMPLATE_IDS, WIDGET_TYPES, MAX_WIDGETS} from './layouttemplates.js';
import {instantIn, localParts} from './zonetime.js';
import {weekHours, usualWeek} from './weekhours.js';
import {layoutPreview} from './layoutpreview.js';
import {layoutAttachments} from './layoutattach.js';
import {gateFactsEditor} from './gatefacts.js';
import {nextPublishNote} from './publish.js';

const LAYOUTS = '/api/v1/layouts';
const PREVIEW = '/api/v1/layouts/preview';

/** A new widget of a type, with settings an operator then changes. */
function newWidget(type, zone) {
  switch (type) {
    case 'CLOCK': return {type, clock: {zones: [{zone, labelItemId: null}, {zone: 'Asia/Shanghai', labelItemId: null}]}};
    case 'DATE': return {type, date: {lunar: true}};
    case 'OPENING_HOURS': return {type, openingHours: {week: usualWeek(), closedDates: []}};
    case 'TICKER': return {type, ticker: {itemIds: []}};
    case 'QR': return {type, qr: {urlItemId: ''}};
    case 'COUNTDOWN': return {type, countdown: {titleItemId: '', target: null}};
    default: return {type};
  }
}

/** What is wrong with a layout before it is sent (the controller checks it again), or []. */
export function layoutProblems(spec) {
  const problems = [];
  if (!new RegExp(`^${ID_PATTERN}$`).test(spec.id || '')) problems.push(t('lay.problem.id'));
  for (const tr of TEMPLATES[spec.shape][spec.template]) {
    const region = spec.regions.find((r) => r.role === tr.role);
    const role = t(`lay.role.${tr.role}`);
    if (!region || (!region.playlist && !(region.widgets || []).length)) {
      if (tr.role !== 'MAIN') problems.push(t('lay.problem.empty', {role}));
      continue;
    }
    for (const w of region.widgets || []) {
      const type = t(`lay.widget.${w.type}`);
      if (w.type === 'CLOCK' && !w.clock.zones.every((z) => validZone(z.zone))) problems.push(t('lay.problem.zone', {role}));
      if (w.type === 'TICKER' && w.ticker.itemIds.length === 0) problems.push(t('lay.problem.item', {role, type}));
      if (w.type === 'QR' && !w.qr.urlItemId) problems.push(t('lay.problem.item', {role, type}));
      if (w.type === 'COUNTDOWN' && (!w.countdown.titleItemId || !w.countdown.target)) {
        problems.push(t('lay.problem.item', {role, type}));
      }
    }
  }
  return problems;
}

function validZone(zone) {
  try {
    new Intl.DateTimeFormat('en', {timeZone: zone});
    return !!zone;
  } catch {
    return false;
  }
}

/** The layout as protocol's LayoutSpec: only the template's regions, MAIN left out when it plays the programme. */
function toSpec(draft) {
  const roles = TEMPLATES[draft.shape][draft.template].map((r) => r.role);
  return {id: draft.id, template: draft.template, shape: draft.shape,
    regions: draft.regions.filter((r) => roles.includes(r.role) && (r.playlist || (r.widgets || []).length))
      .map((r) => (r.playlist ? {role: r.role, playlist: r.playlist} : {role: r.role, widgets: r.widgets}))};
}

export function renderLayouts(main) {
  const message = h('p', {class: 'message', role: 'status', 'aria-live': 'polite'});
  const listBox = h('section', {class: 'card', 'aria-labelledby': 'lay-list-h'});
  const editorBox = h('div', {id: 'layout-editor'});
  let layouts = [];
  let items = new Map();
  let playlists = [];
  let stopped = false;
  let editing = null; // the id of the stored layout the editor shows; null: none, or a new one
  let factsSaved = () => {};
  const attachments = layoutAttachments();
  const facts = gateFactsEditor((gateId) => factsSaved(gateId));

  fill(main, h('h1', {}, t('lay.title')), h('p', {class: 'hint'}, t('lay.intro')), message, listBox, editorBox,
    attachments.element, facts.element);

  const say = (text, error) => sayIn(message, text, error);

  async function load() {
    const [content, pls] = await Promise.all([api.get('/api/v1/content'), api.get('/api/v1/playlists')]);
    items = new Map(content.map((i) => [i.id, i]));
    playlists = pls;
    facts.load(textItems());
    try {
      layouts = await api.get(LAYOUTS);
      drawList(null);
      await attachments.load(layouts);
    } catch (err) {
      // The editor and its preview work without the layouts API; only saving needs it.
      layouts = [];
      drawList(errorText(err));
    }
  }

  function drawList(problem) {
    fill(listBox, h('h2', {id: 'lay-list-h'}, t('lay.list')),
      problem ? h('p', {class: 'hint'}, t('lay.listUnavailable', {message: problem})) : null,
      layouts.length === 0 ? h('p', {class: 'empty'}, t('lay.none')) : h('ul', {class: 'plain'}, layouts.map((l) =>
        h('li', {'data-layout': l.id}, h('strong', {}, l.id), ' · ', t(`lay.template.${l.template}`), ' · ',
          t(`lay.shape.${l.shape}`), ' ',
          h('button', {type: 'button', 'data-edit-layout': l.id, onclick: () => editor(l)}, t('setup.edit')), ' ',
          h('button', {type: 'button', class: 'danger', 'data-delete-layout': l.id, onclick: () => remove(l)},
            t('setup.delete'))))),
      h('button', {type: 'button', class: 'primary', 'data-action': 'new-layout', onclick: () => editor(null)},
        t('lay.new')));
  }

  /** Deleted once asked; one attached somewhere is refused (LAYOUT_IN_USE), naming where by name. */
  async function remove(l) {
    if (!confirm(t('lay.confirmDelete', {id: l.id}))) return;
    try {
      await api.del(`${LAYOUTS}/${encodeURIComponent(l.id)}`);
      if (editing === l.id) fill(editorBox);
      say(t('lay.deleted', {id: l.id}));
      await load();
    } catch (err) {
      say(errorText(err, attachments.names), true);
    }
  }

  const textItems = () => [...items.values()].filter((i) => i.status !== 'RETIRED'
    && (i.variants || []).some((v) => v.text !== null && v.text !== undefined));
  const itemLabel = (i) => `${i.title} (${tOr(`status.${i.status}`, i.status)})`;

  /** The editor of a stored layout (`existing`) or of a new one (null); `saved`: what the last save said, to say again. */
  function editor(existing, saved) {
    editing = existing ? existing.id : null;
    const gateList = gates();
    const draft = existing ? JSON.parse(JSON.stringify(existing))
      : {id: '', template: 'header-main-side-ticker', shape: 'LANDSCAPE_16_9', regions: []};
    let gate = firstGate();
    let language = null;

    const id = h('input', {id: 'lay-id', required: true, pattern: ID_PATTERN, value: draft.id, disabled: !!existing,
      autocomplete: 'off', oninput: () => { draft.id = id.value; }});
    const template = h('select', {id: 'lay-template', onchange: () => { draft.template = template.value; drawRegions(); }},
      TEMPLATE_IDS.map((tid) => h('option', {value: tid, selected: tid === draft.template}, t(`lay.template.${tid}`))));
    const shape = h('select', {id: 'lay-shape', onchange: () => { draft.shape = shape.value; drawRegions(); }},
      SHAPES.map((s) => h('option', {value: s, selected: s === draft.shape}, t(`lay.shape.${s}`))));
    const gateSelect = h('select', {id: 'lay-gate', onchange: () => { gate = gateSelect.value; language = null; drawLanguages(); }},
      gateList.map((g) => h('option', {value: g.id, selected: g.id === gate}, gateName(g.id))));
    const regionsBox = h('div', {class: 'layout-regions', id: 'lay-regions'});
    const previewNote = h('p', {class: 'hint', id: 'lay-preview-note', role: 'status', 'aria-live': 'polite'});
    const languagesBox = h('div', {class: 'layout-languages', role: 'group', 'aria-label': t('lay.previewLanguage')});
    const previews = SHAPES.map((s) => ({shape: s, preview: layoutPreview(t('lay.previewOf', {shape: t(`lay.shape.${s}`)}), s)}));
    const previewBox = h('div', {class: 'layout-previews'}, previews.map((p) =>
      h('figure', {class: 'layout-figure', 'data-preview-shape': p.shape}, p.preview.element,
        h('figcaption', {}, t(`lay.shape.${p.shape}`)))));

    function regionOf(role) {
      let region = draft.regions.find((r) => r.role === role);
      if (!region) {
        region = {role};
        draft.regions.push(region);
      }
      return region;
    }

    function languages() {
      const list = gateLanguages(gate);
      return list.length ? list : ['vi'];
    }

    function drawLanguages() {
      if (!language || !languages().includes(language)) language = languages()[0];
      fill(languagesBox, languages().map((l) => h('button', {type: 'button', lang: l, 'data-language': l,
        'aria-pressed': String(l === language), onclick: () => { language = l; drawLanguages(); }}, languageName(l))));
      refresh();
    }

    let asked = 0;
    let timer = null;
    factsSaved = (gateId) => { if (gateId === gate) refresh(); };

    /** Asks the controller for both shapes' views (after a pause in typing); a late answer to an older question is dropped. */
    function refresh() {
      if (stopped) return;
      clearTimeout(timer);
      timer = setTimeout(askPreview, 150);
    }

    async function askPreview() {
      const mine = ++asked;
      const problems = layoutProblems({...draft, id: 'preview'});
      if (problems.length) {
        for (const p of previews) p.preview.show(null);
        previewNote.className = 'hint';
        previewNote.textContent = t('lay.previewWaits', {problems: problems.join(' ')});
        return;
      }
      try {
        const answers = await Promise.all(previews.map((p) => api.ask(PREVIEW,
          {layout: {...toSpec(draft), id: 'preview', shape: p.shape}, gate, language})));
        if (mine !== asked || stopped) return;
        answers.forEach((a, i) => previews[i].preview.show(withProgramme(a.view)));
        const pending = answers[0].pending.map((id) => (items.get(id) || {title: id}).title);
        previewNote.className = 'hint';
        previewNote.textContent = pending.length ? t('lay.previewPending', {items: pending.join(', ')}) : '';
      } catch (err) {
        if (mine !== asked) return;
        previewNote.className = 'message error';
        previewNote.textContent = errorText(err);
      }
    }

    /** Where MAIN plays the screen's programme, the preview says so in its place. */
    function withProgramme(view) {
      const main = draft.regions.find((r) => r.role === 'MAIN');
      const programme = !main || (!main.playlist && !(main.widgets || []).length);
      return {...view, regions: view.regions.map((r) => (r.role === 'MAIN' && programme && !r.item
        ? {...r, item: {contentId: 'programme', title: '', language: currentLanguage(), text: t('lay.programmeSlide')}}
        : r))};
    }

    function itemSelect(value, onchange, labelText) {
      const select = h('select', {onchange: () => onchange(select.value)},
        h('option', {value: ''}, t('lay.chooseItem')),
        textItems().map((i) => h('option', {value: i.id, selected: i.id === value}, itemLabel(i))));
      return textItemField(labelText, select);
    }

    /** A chooser of text items; with none in the library yet, where to make the first (an empty list said nothing). */
    function textItemField(labelText, select) {
      if (textItems().length) return field(labelText, select, t('lay.approvedOnly'));
      const box = field(labelText, select, t('lay.noTextItems'));
      box.append(h('a', {href: '#/content', 'data-action': 'to-content'}, t('lay.toContent')));
      return box;
    }

    function widgetSettings(w, changed) {
      switch (w.type) {
        case 'CLOCK': {
          const zones = h('input', {value: w.clock.zones.map((z) => z.zone).join(', '), autocomplete: 'off',
            'data-setting': 'zones', oninput: () => {
              w.clock.zones = zones.value.split(',').map((z) => z.trim()).filter((z) => z).slice(0, 4)
                .map((zone) => ({zone, labelItemId: null}));
              changed();
            }});
          return field(t('lay.zones'), zones, t('lay.zonesHint'));
        }
        case 'DATE': {
          const lunar = h('input', {type: 'checkbox', checked: w.date.lunar !== false,
            onchange: () => { w.date.lunar = lunar.checked; changed(); }});
          return h('label', {class: 'check'}, lunar, ' ', t('lay.lunar'));
        }
        case 'OPENING_HOURS': {
          const week = weekHours(w.openingHours.week, () => {
            w.openingHours.week = week.week();
            changed();
          });
          return week.element;
        }
        case 'TICKER': {
          const select = h('select', {multiple: true, size: 5, 'data-setting': 'ticker', onchange: () => {
            w.ticker.itemIds = [...select.selectedOptions].map((o) => o.value).slice(0, 20);
            changed();
          }}, textItems().map((i) => h('option', {value: i.id, selected: w.ticker.itemIds.includes(i.id)}, itemLabel(i))));
          return textItemField(t('lay.tickerItems'), select);
        }
        case 'QR':
          return h('div', {}, itemSelect(w.qr.urlItemId, (v) => { w.qr.urlItemId = v; changed(); }, t('lay.qrItem')),
            h('p', {class: 'hint'}, t('lay.qrHint')));
        case 'COUNTDOWN': {
          const local = w.countdown.target ? (() => {
            const p = localParts(new Date(w.countdown.target), zoneOf(gate));
            return `${p.date}T${p.hhmm}`;
          })() : '';
          const when = h('input', {type: 'datetime-local', value: local, 'data-setting': 'target', oninput: () => {
            w.countdown.target = when.value ? instantIn(when.value, zoneOf(gate)).toISOString() : null;
            changed();
          }});
          return h('div', {}, itemSelect(w.countdown.titleItemId, (v) => { w.countdown.titleItemId = v; changed(); },
            t('lay.countdownTitle')), field(t('lay.countdownTarget'), when));
        }
        default:
          return null;
      }
    }

    function drawRegion(tr) {
      const region = regionOf(tr.role);
      const mode = region.playlist ? 'playlist' : (region.widgets || []).length ? 'widgets'
        : tr.role === 'MAIN' ? 'programme' : 'widgets';
      const modes = (tr.role === 'MAIN' ? ['programme'] : []).concat(['playlist', 'widgets']);
      const body = h('div', {class: 'region-body'});
      const modeSelect = h('select', {'data-region-mode': tr.role, onchange: () => {
        delete region.playlist;
        region.widgets = [];
        if (modeSelect.value === 'playlist' && playlists.length) region.playlist = playlistSpec(playlists[0]);
        drawBody();
        refresh();
      }}, modes.map((m) => h('option', {value: m, selected: m === mode}, t(`lay.mode.${m}`))));

      function playlistSpec(p) {
        return {id: p.id, entries: p.entries.map((e) => ({itemId: e.contentId, weight: e.weight || 1,
          position: e.position || null}))};
      }

      function drawBody() {
        if (modeSelect.value === 'programme') {
          fill(body, h('p', {class: 'hint'}, t('lay.programmeHint')));
        } else if (modeSelect.value === 'playlist') {
          const select = h('select', {'data-region-playlist': tr.role, onchange: () => {
            const p = playlists.find((x) => x.id === select.value);
            region.playlist = p ? playlistSpec(p) : undefined;
            refresh();
          }}, h('option', {value: ''}, t('lay.choosePlaylist')),
          playlists.map((p) => h('option', {value: p.id, selected: region.playlist && region.playlist.id === p.id},
            p.name || p.id)));
          fill(body, field(t('lay.playlist'), select));
        } else {
          region.widgets = region.widgets || [];
          const add = h('select', {'data-add-widget': tr.role, 'aria-label': t('lay.addWidget'), onchange: () => {
            if (add.value && region.widgets.length < MAX_WIDGETS) region.widgets.push(newWidget(add.value, zoneOf(gate)));
            drawBody();
            refresh();
          }}, h('option', {value: ''}, t('lay.addWidget')),
          WIDGET_TYPES.map((type) => h('option', {value: type}, t(`lay.widget.${type}`))));
          fill(body, h('ol', {class: 'widgets'}, region.widgets.map((w, index) =>
            h('li', {'data-widget': w.type}, h('strong', {}, t(`lay.widget.${w.type}`)), ' ',
              h('button', {type: 'button', class: 'danger', 'data-remove-widget': index,
                onclick: () => { region.widgets.splice(index, 1); drawBody(); refresh(); }}, t('pl.removeShort')),
              widgetSettings(w, refresh)))),
          region.widgets.length < MAX_WIDGETS ? add : h('p', {class: 'hint'}, t('lay.maxWidgets', {max: MAX_WIDGETS})));
        }
      }
      drawBody();
      return h('fieldset', {class: 'layout-region', 'data-region': tr.role},
        h('legend', {}, t(`lay.role.${tr.role}`)), field(t('lay.plays'), modeSelect), body);
    }

    function drawRegions() {
      fill(regionsBox, TEMPLATES[draft.shape][draft.template].map(drawRegion));
      refresh();
    }

    // By the save button, which stays at the bottom of the window (the form is long): what saving says.
    const said = h('p', {class: 'message', id: 'lay-form-message', role: 'status', 'aria-live': 'polite'});
    const sayHere = (text, error) => sayIn(said, text, error, error ? null : nextPublishNote());

    async function save(e) {
      e.preventDefault();
      draft.id = id.value;
      const problems = layoutProblems(draft);
      if (problems.length) {
        sayHere(problems.join(' '), true);
        return;
      }
      const spec = toSpec(draft);
      try {
        if (existing) {
          await api.put(`${LAYOUTS}/${encodeURIComponent(spec.id)}`, spec);
        } else {
          await api.post(LAYOUTS, spec);
        }
        await load();
        // A new layout, once stored, is edited from now on: saving again changes it.
        if (existing) sayHere(t('lay.saved', {id: spec.id}));
        else editor(layouts.find((l) => l.id === spec.id) || spec, t('lay.saved', {id: spec.id}));
      } catch (err) {
        sayHere(errorText(err, attachments.names), true);
      }
    }

    fill(editorBox, h('form', {class: 'card layout-form', id: 'lay-form', onsubmit: save},
      h('h2', {}, existing ? t('lay.editTitle', {id: existing.id}) : t('lay.new')),
      field(t('lay.id'), id, t('setup.idHint')), field(t('lay.template'), template), field(t('lay.shape'), shape),
      regionsBox,
      h('section', {class: 'layout-preview-box', 'aria-label': t('lay.preview')},
        h('h3', {}, t('lay.preview')), field(t('lay.gate'), gateSelect), languagesBox, previewNote, previewBox,
        h('p', {class: 'hint'}, t('lay.previewHint'))),
      h('div', {class: 'layout-actions'},
        h('button', {type: 'submit', class: 'primary', 'data-action': 'save-layout'}, t('lay.save')), said)));
    drawRegions();
    drawLanguages();
    if (!existing) id.value = slugOf(t(`lay.template.${draft.template}`));
    draft.id = id.value;
    if (saved) sayHere(saved);
  }

  load().catch((err) => say(errorText(err), true));
  return () => { stopped = true; };
}
