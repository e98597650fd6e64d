// The content library: upload with a progress bar, thumbnails, create an item with its language
// variants side by side, and every item with where it stands in review (contributors see outcomes).
import {h, fill, field} from './dom.js';
import {api} from './api.js';
import {t, formatBytes, languageName} from './i18n.js';
import {may, AUTHORS} from './roles.js';
import {contentCard, thumbnail} from './contentcard.js';

/** The languages offered side by side when an item is made; vi first and required. */
export const VARIANT_LANGUAGES = ['vi', 'en', 'zh-Hans'];
const STATUSES = ['PENDING', 'APPROVED', 'REJECTED'];
const filter = {status: ''};

export function renderLibrary(main) {
  const mediaList = h('div', {class: 'media-grid'});
  const items = h('div', {class: 'items'});
  let media = [];
  const createSection = h('section', {class: 'card', 'aria-labelledby': 'create-h'});

  const statusFilter = h('select', {id: 'status-filter', onchange: () => { filter.status = statusFilter.value; loadItems(); }},
    h('option', {value: ''}, t('lib.filter.all')),
    STATUSES.map((s) => h('option', {value: s, selected: filter.status === s}, t(`status.${s}`))));

  fill(main,
    h('h1', {}, t('lib.title')),
    may(AUTHORS) ? uploadSection(() => loadMedia()) : null,
    may(AUTHORS) ? createSection : null,
    h('section', {'aria-labelledby': 'media-h'}, h('h2', {id: 'media-h'}, t('lib.media')), mediaList),
    h('section', {'aria-labelledby': 'items-h'},
      h('div', {class: 'section-head'}, h('h2', {id: 'items-h'}, t('lib.items')),
        h('div', {class: 'field inline'}, h('label', {for: 'status-filter'}, t('lib.filter')), statusFilter)),
      items));

  async function loadMedia() {
    media = await api.get('/api/v1/media');
    fill(mediaList, media.length === 0 ? h('p', {class: 'empty'}, t('lib.noMedia')) : media.map((m) =>
      h('figure', {class: 'media', 'data-media': m.sha256},
        thumbnail(m.sha256, m.originalName || m.sha256),
        h('figcaption', {}, h('span', {class: 'name'}, m.originalName || m.sha256.slice(0, 12)),
          h('span', {class: 'sub'}, `${m.mimeType} · ${formatBytes(m.sizeBytes)}`)))));
    if (may(AUTHORS)) fill(createSection, createForm(media, loadItems));
  }

  async function loadItems() {
    const list = await api.get(`/api/v1/content${filter.status ? `?status=${filter.status}` : ''}`);
    fill(items, list.length === 0 ? h('p', {class: 'empty'}, t('lib.noItems')) : list.map((item) => contentCard(item)));
  }

  Promise.all([loadMedia(), loadItems()]).catch((err) =>
    main.append(h('p', {class: 'message error', role: 'alert'}, t('common.error', {message: err.message}))));
}

function uploadSection(onUploaded) {
  const file = h('input', {type: 'file', id: 'upload-file', accept: 'image/*,video/mp4,video/webm,.svg', required: true});
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
        message.className = 'message error';
        message.textContent = t('common.error', {message: err.message});
      } finally {
        button.disabled = false;
      }
    }}, field(t('lib.file'), file), button, progress),
    message);
}

function createForm(media, onCreated) {
  const id = h('input', {id: 'item-id', name: 'id', required: true, pattern: '[a-z0-9][a-z0-9-]*', autocomplete: 'off'});
  const title = h('input', {id: 'item-title', name: 'title', required: true, autocomplete: 'off'});
  const seconds = h('input', {id: 'item-seconds', type: 'number', min: 1, max: 3600, defaultValue: 10, required: true});
  const kind = h('select', {id: 'item-kind', onchange: () => drawVariants()},
    h('option', {value: 'media'}, t('lib.kind.media')), h('option', {value: 'text'}, t('lib.kind.text')));
  const variantsBox = h('div', {class: 'variant-inputs'});
  const message = h('p', {class: 'message', role: 'status', 'aria-live': 'polite'});
  let inputs = {};

  function drawVariants() {
    inputs = {};
    fill(variantsBox, VARIANT_LANGUAGES.map((language) => {
      const name = languageName(language);
      let input;
      if (kind.value === 'text') {
        input = h('textarea', {id: `variant-${language}`, rows: 3, lang: language, required: language === 'vi'});
      } else {
        input = h('select', {id: `variant-${language}`, required: language === 'vi'},
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
    const variants = VARIANT_LANGUAGES.filter((l) => inputs[l].value.trim() !== '').map((language) => ({
      language,
      seconds: Number(seconds.value),
      ...(kind.value === 'text' ? {text: inputs[language].value} : {mediaSha256: inputs[language].value}),
    }));
    try {
      await api.post('/api/v1/content', {id: id.value.trim(), title: title.value, variants});
      message.className = 'message';
      message.textContent = t('lib.submitted', {title: title.value});
      form.reset();
      drawVariants();
      await onCreated();
    } catch (err) {
      message.className = 'message error';
      message.textContent = t('common.error', {message: err.message});
    }
  }},
  h('div', {class: 'grid-3'}, field(t('lib.id'), id), field(t('lib.itemTitle'), title), field(t('lib.kind'), kind)),
  variantsBox,
  h('div', {class: 'grid-3'}, field(t('lib.seconds'), seconds)),
  h('button', {type: 'submit', class: 'primary'}, t('lib.submit')),
  message);
  return [h('h2', {id: 'create-h'}, t('lib.create')), form];
}
