// The content library: upload with a progress bar, thumbnails, create an item with its language
// variants side by side and a live preview of it as a screen will show it, and every item with
// where it stands in review (contributors see outcomes), found by search and filters.
import {h, fill, field, formProblem} from './dom.js';
import {api} from './api.js';
import {t, formatBytes, formatNumber, languageName} from './i18n.js';
import {may, AUTHORS, SCHEDULERS} from './roles.js';
import {session} from './api.js';
import {gates} from './gates.js';
import {followName, ID_PATTERN} from './slug.js';
import {contentCard, thumbnail} from './contentcard.js';
import {screenPreview, screenItem} from './screenpreview.js';

/** The languages offered side by side when an item is made; vi first and required. */
export const VARIANT_LANGUAGES = ['vi', 'en', 'zh-Hans'];
const STATUSES = ['PENDING', 'APPROVED', 'REJECTED', 'RETIRED'];
const TYPES = ['image', 'video', 'text', 'html'];
const FILTER_LANGUAGES = ['vi', 'en', 'zh-Hans', 'lo', 'km'];
/** Cards drawn at a time: a library of a thousand items stays quick to show and to scroll. */
const PAGE_SIZE = 50;
/** Typing pauses this long before the search is asked for. */
const SEARCH_PAUSE_MS = 250;
const filter = {status: '', q: '', language: '', type: ''};

export function renderLibrary(main) {
  const mediaList = h('div', {class: 'media-grid'});
  const items = h('div', {class: 'items'});
  const count = h('p', {class: 'sub', id: 'lib-count', role: 'status', 'aria-live': 'polite'});
  // What a retire or delete did, kept above the cards it redrew.
  const removal = h('p', {class: 'message', id: 'lib-removal', role: 'status', 'aria-live': 'polite'});
  let media = [];
  let mimeTypes = new Map();
  let asked = 0;
  let pause = null;
  const createSection = h('section', {class: 'card', 'aria-labelledby': 'create-h'});
  // The create form's edit(item): loads an item back into the form to revise and resubmit it.
  let editor = null;

  // The filters are asked of the server (GET /api/v1/content?q=&language=&type=&status=): it knows
  // each media file's type, and only the matches travel and are drawn.
  const refilter = (key, value) => {
    filter[key] = value;
    loadItems().catch((err) => { count.textContent = t('common.error', {message: err.message}); });
  };
  const search = h('input', {type: 'search', id: 'lib-search', value: filter.q, autocomplete: 'off', maxLength: 200,
    oninput: () => { clearTimeout(pause); pause = setTimeout(() => refilter('q', search.value.trim()), SEARCH_PAUSE_MS); }});
  const statusFilter = h('select', {id: 'status-filter', onchange: () => refilter('status', statusFilter.value)},
    h('option', {value: ''}, t('lib.filter.all')),
    STATUSES.map((s) => h('option', {value: s, selected: filter.status === s}, t(`status.${s}`))));
  const languageFilter = h('select', {id: 'lib-language', onchange: () => refilter('language', languageFilter.value)},
    h('option', {value: ''}, t('lib.filter.all')),
    FILTER_LANGUAGES.map((l) => h('option', {value: l, lang: l, selected: filter.language === l}, languageName(l))));
  const typeFilter = h('select', {id: 'lib-type', onchange: () => refilter('type', typeFilter.value)},
    h('option', {value: ''}, t('lib.filter.all')),
    TYPES.map((type) => h('option', {value: type, selected: filter.type === type}, t(`lib.type.${type}`))));

  fill(main,
    h('h1', {}, t('lib.title')),
    may(AUTHORS) ? uploadSection(() => loadMedia()) : null,
    may(AUTHORS) ? createSection : null,
    h('section', {'aria-labelledby': 'media-h'}, h('h2', {id: 'media-h'}, t('lib.media')), mediaList),
    h('section', {'aria-labelledby': 'items-h'},
      h('h2', {id: 'items-h'}, t('lib.items')),
      h('form', {class: 'card lib-search', role: 'search', onsubmit: (e) => {
        e.preventDefault();
        clearTimeout(pause);
        refilter('q', search.value.trim());
      }},
      h('div', {class: 'grid-4'}, field(t('lib.search'), search, t('lib.searchHint')),
        field(t('lib.filter.language'), languageFilter), field(t('lib.filter.type'), typeFilter),
        field(t('lib.filter'), statusFilter))),
      count,
      removal,
      items));

  async function loadMedia() {
    media = await api.get('/api/v1/media');
    mimeTypes = new Map(media.map((m) => [m.sha256, m.mimeType]));
    fill(mediaList, media.length === 0 ? h('p', {class: 'empty'}, t('lib.noMedia')) : media.map((m) =>
      h('figure', {class: 'media', 'data-media': m.sha256},
        thumbnail(m.sha256, m.originalName || m.sha256),
        h('figcaption', {}, h('span', {class: 'name'}, m.originalName || m.sha256.slice(0, 12)),
          h('span', {class: 'sub'}, `${m.mimeType} · ${formatBytes(m.sizeBytes)}`)))));
    if (may(AUTHORS)) {
      const made = createForm(media, mimeTypes, loadItems);
      editor = made.edit;
      fill(createSection, made.parts);
    }
  }

  async function loadItems() {
    const given = Object.entries(filter).filter(([, value]) => value !== '');
    asked += 1;
    const mine = asked;
    const list = await api.get(`/api/v1/content${given.length ? `?${new URLSearchParams(given)}` : ''}`);
    if (mine !== asked) return;   // a newer search has been asked for meanwhile
    const searching = given.some(([key]) => key !== 'status');
    count.textContent = searching ? t('lib.found', {count: formatNumber(list.length)}) : '';
    fill(items);
    if (list.length === 0) {
      items.append(h('p', {class: 'empty'}, t(searching ? 'lib.noMatch' : 'lib.noItems')));
      return;
    }
    drawFrom(list, 0);
  }

  // Draws the next page of cards, and a button for the rest.
  function drawFrom(list, start) {
    const end = Math.min(list.length, start + PAGE_SIZE);
    items.append(...list.slice(start, end).map((item) => contentCard(item, previewToggle(item, () => mimeTypes),
      reviseButton(item), removalButtons(item, loadItems, (text) => { removal.textContent = text; }))));
    if (end < list.length) {
      const more = h('button', {type: 'button', class: 'more', id: 'lib-more', onclick: () => {
        more.remove();
        drawFrom(list, end);
      }}, t('lib.more', {shown: formatNumber(end), total: formatNumber(list.length)}));
      items.append(more);
    }
  }

  // A rejected or retired item goes back to its author: edit it (the reason stays on the card) and
  // resubmit it for review (PENDING again), as the API allows.
  function reviseButton(item) {
    const me = session.user && session.user.username;
    if (!may(AUTHORS) || !['REJECTED', 'RETIRED'].includes(item.status) || (item.author !== me && item.submittedBy !== me)) return null;
    return h('button', {type: 'button', class: 'primary', 'data-revise': item.id, onclick: () => {
      if (!editor) return;
      editor(item);
      createSection.scrollIntoView({block: 'start'});
    }}, t('lib.revise'));
  }

  Promise.all([loadMedia(), loadItems()]).catch((err) =>
    main.append(h('p', {class: 'message error', role: 'alert'}, t('common.error', {message: err.message}))));
}

/**
 * An operator's way off the air for an item: retire an approved one (the workflow's withdrawal: kept,
 * with a reason, for its author to edit and resubmit) or delete one nothing plays. Each asks first,
 * saying what will happen; a refusal (CONTENT_IN_USE names the playlists, campaigns and screens) is
 * shown on the card.
 */
function removalButtons(item, reload, tell) {
  if (!may(SCHEDULERS)) return null;
  const said = h('p', {class: 'message', role: 'status', hidden: true});
  const say = (text, bad) => {
    said.textContent = text;
    said.className = bad ? 'message error' : 'message';
    said.setAttribute('role', bad ? 'alert' : 'status');
    said.hidden = false;
  };
  async function retire() {
    const reason = window.prompt(t('lib.retire.confirm', {title: item.title}), t('lib.retire.defaultReason'));
    if (reason === null) return;
    if (reason.trim() === '') { say(t('lib.retire.noReason'), true); return; }
    try {
      const retired = await api.post(`/api/v1/content/${encodeURIComponent(item.id)}/retire`,
        {revision: item.revision, reason: reason.trim()});
      // The controller republished the screens still carrying it (if any): say which.
      const screens = retired.republished ? retired.republished.screens : [];
      const named = screens.length ? await screenNames(screens) : [];
      tell(screens.length ? t('lib.retired.republished', {title: item.title, count: screens.length,
        screens: named.join(', ')}) : t('lib.retired.notOnAir', {title: item.title}));
      await reload();
    } catch (err) {
      say(t('common.error', {message: err.message}), true);
    }
  }
  async function remove() {
    if (!window.confirm(t('lib.delete.confirm', {title: item.title}))) return;
    try {
      await api.del(`/api/v1/content/${encodeURIComponent(item.id)}`);
      tell(t('lib.deleted', {title: item.title}));
      await reload();
    } catch (err) {
      say(t('common.error', {message: err.message}), true);
    }
  }
  return h('div', {class: 'card-actions'},
    item.status === 'APPROVED'
      ? h('button', {type: 'button', 'data-retire': item.id, onclick: retire}, t('lib.retire')) : null,
    h('button', {type: 'button', class: 'danger', 'data-delete-item': item.id, onclick: remove}, t('lib.delete')),
    said);
}

/** The screens' names (their ids when unnamed, or when the list cannot be read). */
async function screenNames(ids) {
  const all = await api.get('/api/v1/screens').catch(() => []);
  const byId = new Map(all.map((s) => [s.id, s.name || s.id]));
  return ids.map((id) => byId.get(id) || id);
}

/** A card's "preview" button: opens, under the card, the item as a screen shows it, language by language. */
export function previewToggle(item, mimeTypes) {
  const box = h('div', {class: 'card-preview', hidden: true});
  let preview = null;
  const button = h('button', {type: 'button', class: 'preview-button', 'aria-expanded': 'false',
    'data-preview': item.id, onclick: () => {
      const open = box.hidden;
      box.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      if (open && !preview) {
        // Made only when first opened: a thousand cards must not mean a thousand frames.
        preview = screenPreview(t('lib.previewOf', {title: item.title}));
        const language = h('select', {id: `preview-lang-${item.id}`, onchange: draw},
          item.variants.map((v) => h('option', {value: v.language, lang: v.language}, languageName(v.language))));
        function draw() {
          const variant = item.variants.find((v) => v.language === language.value);
          preview.show(variant ? screenItem(item, variant, mimeTypes()) : null);
        }
        fill(box, field(t('lib.previewLanguage'), language), preview.element);
        draw();
      }
    }}, t('lib.preview'));
  return h('div', {class: 'card-actions'}, button, box);
}

function uploadSection(onUploaded) {
  // A new file chosen: what was said of the last one (uploaded, refused) and its full bar go.
  const file = h('input', {type: 'file', id: 'upload-file', accept: 'image/*,video/mp4,video/webm,.svg', required: true,
    onchange: () => {
      progress.value = 0;
      message.className = 'message';
      message.textContent = '';
    }});
  const progress = h('progress', {id: 'upload-progress', max: 1, value: 0, 'aria-label': t('lib.progress')});
  const message = h('p', {class: 'message', role: 'status', 'aria-live': 'polite'});
  const button = h('button', {type: 'submit', class: 'primary'}, t('lib.uploadButton'));
  return h('section', {class: 'card', 'aria-labelledby': 'upload-h'},
    h('h2', {id: 'upload-h'}, t('lib.upload')),
    h('form', {class: 'row-form', onsubmit: async (e) => {
      e.preventDefault();
      const chosen = file.files[0];
      if (!chosen) return;
      button.disabled = true;
      progress.value = 0;
      message.className = 'message';
      message.textContent = '';
      try {
        await api.upload(chosen, (fraction) => { progress.value = fraction; });
        message.textContent = t('lib.uploaded', {name: chosen.name});
        file.value = '';
        await onUploaded();
      } catch (err) {
        progress.value = 0; // every byte went, yet nothing was stored: the bar must not say done
        message.className = 'message error';
        message.textContent = t('common.error', {message: err.message});
      } finally {
        button.disabled = false;
      }
    }}, field(t('lib.file'), file), button, progress),
    message);
}

function createForm(media, mimeTypes, onCreated) {
  // The languages offered: the gates' languages first (in their order), then the usual ones; any
  // other BCP 47 tag can be added (Lao, Khmer, H'Mông...).
  const languages = [];
  for (const l of [...gates().flatMap((g) => g.languages || []), ...VARIANT_LANGUAGES]) {
    if (!languages.includes(l)) languages.push(l);
  }
  // The id follows the title until typed by hand, as a playlist's follows its name.
  const id = h('input', {id: 'item-id', name: 'id', required: true, pattern: ID_PATTERN,
    'data-pattern-hint': t('setup.idHint'), autocomplete: 'off'});
  const title = h('input', {id: 'item-title', name: 'title', required: true, autocomplete: 'off'});
  const restartId = followName(title, id);
  title.addEventListener('input', () => drawPreview()); // after the id has followed: the preview is drawn with it
  // A video's own length, until the seconds are typed by hand: 10 s cut a minute's film short.
  const seconds = h('input', {id: 'item-seconds', type: 'number', min: 1, max: 3600, defaultValue: 10, required: true,
    oninput: () => { seconds.dataset.touched = '1'; secondsHint.textContent = ''; }});
  const secondsHint = h('p', {class: 'hint', id: 'item-seconds-hint', 'aria-live': 'polite'});
  function fitToVideo(sha256) {
    const file = media.find((m) => m.sha256 === sha256);
    if (!file || !file.durationMillis || seconds.dataset.touched) return;
    seconds.value = Math.min(3600, Math.max(1, Math.ceil(file.durationMillis / 1000)));
    secondsHint.textContent = t('lib.secondsFromVideo', {seconds: formatNumber(Number(seconds.value))});
  }
  const kind = h('select', {id: 'item-kind', onchange: () => { drawVariants(); drawPreview(); }},
    h('option', {value: 'media'}, t('lib.kind.media')), h('option', {value: 'text'}, t('lib.kind.text')));
  const variantsBox = h('div', {class: 'variant-inputs'});
  const message = h('p', {class: 'message', role: 'status', 'aria-live': 'polite'});
  const preview = screenPreview(t('lib.previewNew'), t('lib.previewEmpty'));
  const previewLanguage = h('select', {id: 'create-preview-lang', onchange: () => drawPreview()},
    []);
  function drawLanguageChoice() {
    fill(previewLanguage, languages.map((l) => h('option', {value: l, lang: l}, languageName(l))));
  }
  drawLanguageChoice();
  const values = () => Object.fromEntries(Object.entries(inputs).map(([l, input]) => [l, input.value]));
  function restore(kept) {
    for (const [l, value] of Object.entries(kept)) if (inputs[l]) inputs[l].value = value;
  }
  let inputs = {};
  // The item being revised (resubmitted with PUT), or null when a new one is made.
  let revising = null;
  const heading = h('h2', {id: 'create-h'}, t('lib.create'));
  // Shown while an item is being revised: gives the revision up, nothing sent.
  const cancel = h('button', {type: 'button', id: 'revise-cancel', hidden: true, onclick: () => {
    startOver();
    message.className = 'message';
    message.textContent = '';
  }}, t('common.cancel'));
  const newLanguage = h('input', {id: 'item-add-language', autocomplete: 'off', maxLength: 35,
    pattern: '[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}', 'data-pattern-hint': t('lib.languageHint')});
  const addLanguage = h('button', {type: 'button', 'data-action': 'add-language', onclick: () => {
    const tag = newLanguage.value.trim();
    if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}$/.test(tag)) {
      formProblem(form, t('lib.languageBad', {value: tag}));
      newLanguage.focus();
      return;
    }
    if (!languages.includes(tag)) languages.push(tag);
    const kept = values();
    drawVariants();
    restore(kept);
    drawLanguageChoice();
    newLanguage.value = '';
    inputs[tag].focus();
  }}, t('lib.addLanguage'));

  // What is being made, as a screen would show the chosen language's variant; redrawn as one types.
  function drawPreview() {
    const language = previewLanguage.value;
    const value = inputs[language] ? inputs[language].value : '';
    if (value.trim() === '') {
      preview.show(null);
      return;
    }
    const variant = kind.value === 'text' ? {language, text: value} : {language, mediaSha256: value};
    preview.show(screenItem({id: id.value.trim() || 'preview', title: title.value}, variant, mimeTypes));
  }

  // Editing a language's variant shows that language.
  function edited(language) {
    previewLanguage.value = language;
    drawPreview();
  }

  function drawVariants() {
    inputs = {};
    fill(variantsBox, languages.map((language) => {
      const name = languageName(language);
      let input;
      if (kind.value === 'text') {
        input = h('textarea', {id: `variant-${language}`, rows: 3, lang: language, required: language === 'vi',
          oninput: () => edited(language)});
      } else {
        input = h('select', {id: `variant-${language}`, required: language === 'vi', onchange: () => {
          fitToVideo(input.value);
          edited(language);
        }},
          h('option', {value: ''}, t('lib.noVariant')),
          media.map((m) => h('option', {value: m.sha256}, m.originalName || m.sha256.slice(0, 12))));
      }
      inputs[language] = input;
      return h('fieldset', {class: 'variant-input'}, h('legend', {}, t('lib.variant', {language: name})),
        field(t(kind.value === 'text' ? 'lib.variantText' : 'lib.variantMedia', {language: name}), input));
    }));
  }
  drawVariants();

  const form = h('form', {onsubmit: async (e) => {
    e.preventDefault();
    const variants = languages.filter((l) => inputs[l].value.trim() !== '').map((language) => ({
      language,
      seconds: Number(seconds.value),
      ...(kind.value === 'text' ? {text: inputs[language].value} : {mediaSha256: inputs[language].value}),
    }));
    try {
      if (revising) {
        await api.put(`/api/v1/content/${encodeURIComponent(revising.id)}`, {title: title.value, variants});
      } else {
        await api.post('/api/v1/content', {id: id.value.trim(), title: title.value, variants});
      }
      message.className = 'message';
      message.textContent = t(revising ? 'lib.resubmitted' : 'lib.submitted', {title: title.value});
      startOver();
      await onCreated();
    } catch (err) {
      message.className = 'message error';
      message.textContent = t('common.error', {message: err.message});
    }
  }},
  h('div', {class: 'grid-3'}, field(t('lib.itemTitle'), title), field(t('lib.id'), id), field(t('lib.kind'), kind)),
  variantsBox,
  h('div', {class: 'create-preview'},
    h('h3', {id: 'create-preview-h'}, t('lib.previewTitle')),
    h('div', {class: 'grid-3'}, field(t('lib.previewLanguage'), previewLanguage)),
    preview.element),
  h('div', {class: 'row-form'}, field(t('lib.otherLanguage'), newLanguage, t('lib.languageHint')), addLanguage),
  h('div', {class: 'grid-3'}, h('div', {}, field(t('lib.seconds'), seconds), secondsHint)),
  h('div', {class: 'buttons'}, h('button', {type: 'submit', class: 'primary'}, t('lib.submit')), cancel),
  message);

  /** Back to an empty form for a new item (after a submit, or when a revision is given up). */
  function startOver() {
    revising = null;
    id.disabled = false;
    form.reset();
    restartId();
    delete seconds.dataset.touched;
    secondsHint.textContent = '';
    heading.textContent = t('lib.create');
    cancel.hidden = true;
    drawVariants();
    drawPreview();
  }

  /** Loads an item into the form to revise it; the next submit resubmits it for review. */
  function edit(item) {
    revising = item;
    id.value = item.id;
    id.disabled = true;
    title.value = item.title;
    const text = item.variants.length > 0 && item.variants[0].text !== null && item.variants[0].text !== undefined;
    kind.value = text ? 'text' : 'media';
    for (const v of item.variants) if (!languages.includes(v.language)) languages.push(v.language);
    drawLanguageChoice();
    drawVariants();
    for (const v of item.variants) inputs[v.language].value = text ? v.text : v.mediaSha256;
    seconds.value = item.variants.length ? item.variants[0].seconds : seconds.value;
    seconds.dataset.touched = '1'; // the item's own seconds stay, whatever file is chosen
    secondsHint.textContent = '';
    message.className = 'message';
    message.textContent = t('lib.revising', {title: item.title});
    heading.textContent = t('lib.reviseTitle', {title: item.title});
    cancel.hidden = false;
    drawPreview();
    title.focus();
  }
  return {parts: [heading, form], edit};
}
