// The urgent alert: one form (text per language, Vietnamese required; which gates; how long),
// what it reached, and the alerts in force with a button to end each.
import {h, fill, field, badge} from './dom.js';
import {api} from './api.js';
import {t, tOr, formatDateTime, formatNumber, languageName} from './i18n.js';
import {gates, gateName, zoneOf} from './gates.js';
import {watch} from './live.js';

const STATUS_TONE = {ACTIVE: 'bad', CLEARED: 'muted', EXPIRED: 'muted'};

/** Vietnamese first, then the languages travellers read at the province's gates, and English. */
function alertLanguages() {
  return [...new Set(['vi', ...gates().flatMap((g) => g.languages || []), 'en'])];
}

export function renderAlert(main) {
  const languages = alertLanguages();
  const texts = Object.fromEntries(languages.map((language) =>
    [language, h('textarea', {id: `alert-${language}`, rows: 3, lang: language, required: language === 'vi'})]));
  const gateBoxes = gates().map((g) => {
    const input = h('input', {type: 'checkbox', id: `alert-gate-${g.id}`, value: g.id});
    return h('div', {class: 'check'}, input, h('label', {for: input.id}, gateName(g.id)));
  });
  const hours = h('input', {id: 'alert-hours', type: 'number', min: 1, max: 168, defaultValue: 2, required: true});
  const message = h('div', {class: 'message', role: 'status', 'aria-live': 'polite', id: 'alert-result'});
  const list = h('div', {});

  const form = h('form', {class: 'card urgent', onsubmit: async (e) => {
    e.preventDefault();
    const clusterIds = gateBoxes.map((b) => b.querySelector('input')).filter((i) => i.checked).map((i) => i.value);
    const text = {};
    for (const language of languages) {
      if (texts[language].value.trim()) text[language] = texts[language].value.trim();
    }
    if (!text.vi) return say(t('alert.needVi'), true);
    if (clusterIds.length === 0) return say(t('alert.needCluster'), true);
    const expiresAt = new Date(Date.now() + Number(hours.value) * 3600 * 1000).toISOString();
    // An alert skips review and interrupts every screen of the gates at once: say so, and ask.
    const gatesNamed = clusterIds.map(gateName).join(', ');
    if (!confirm(t('alert.confirm', {gates: gatesNamed, hours: hours.value, count: Number(hours.value), text: text.vi}))) return;
    try {
      const answer = await api.post('/api/v1/alerts', {clusterIds, text, expiresAt});
      const reached = Object.values(answer.screenCounts).reduce((n, count) => n + count, 0);
      message.className = 'message';
      fill(message, h('p', {}, t('alert.sent', {count: formatNumber(reached)})),
        h('ul', {}, answer.publications.map((p) => h('li', {}, p.error
          ? t('alert.sentFailed', {cluster: gateName(p.clusterId), error: p.error})
          : t('alert.sentCluster', {cluster: gateName(p.clusterId),
            count: formatNumber(answer.screenCounts[p.clusterId] || 0), version: p.version})))));
      form.reset();
      await load();
    } catch (err) {
      say(t('common.error', {message: err.message}), true);
    }
  }},
  h('h2', {id: 'alert-form-h'}, t('alert.new')),
  h('p', {class: 'hint'}, t('alert.intro')),
  h('div', {class: 'variant-inputs'}, languages.map((language) =>
    field(t('alert.text', {language: languageName(language)}), texts[language],
      t(language === 'vi' ? 'alert.textRequired' : 'alert.textOptional')))),
  h('fieldset', {class: 'checks'}, h('legend', {}, t('alert.clusters')), gateBoxes),
  h('div', {class: 'grid-3'}, field(t('alert.hours'), hours)),
  h('button', {type: 'submit', class: 'danger'}, t('alert.send')),
  message);

  function say(text, error) {
    message.className = error ? 'message error' : 'message';
    message.textContent = text;
  }

  // The page's first load may answer after a later one (an alert just sent): only the newest is drawn.
  let asked = 0;
  async function load() {
    asked += 1;
    const mine = asked;
    const alerts = await api.get('/api/v1/alerts');
    if (mine !== asked) return;
    if (alerts.length === 0) {
      fill(list, h('p', {class: 'empty'}, t('alert.none')));
      return;
    }
    fill(list, alerts.map((a) => {
      const zone = zoneOf(a.clusterIds[0]);
      return h('article', {class: 'card alert-item', 'data-alert': a.id},
        h('div', {class: 'item-head'},
          h('p', {class: 'gates'}, a.clusterIds.map(gateName).join(', ')),
          badge(tOr(`alertStatus.${a.status}`, a.status), STATUS_TONE[a.status] || 'muted')),
        h('div', {class: 'variants'}, Object.entries(a.text).map(([language, line]) =>
          h('figure', {class: 'variant'}, h('p', {class: 'variant-text', lang: language}, line),
            h('figcaption', {}, languageName(language))))),
        h('p', {class: 'sub'}, `${formatDateTime(a.createdAt, zone)} · ${t('alert.until', {time: formatDateTime(a.expiresAt, zone)})}`),
        a.status === 'ACTIVE' ? h('button', {type: 'button', onclick: async () => {
          await api.post(`/api/v1/alerts/${encodeURIComponent(a.id)}/clear`);
          await load();
        }}, t('alert.clear')) : null);
    }));
  }

  fill(main, h('h1', {}, t('alert.title')), form,
    h('section', {'aria-labelledby': 'alert-list-h'}, h('h2', {id: 'alert-list-h'}, t('alert.list')), list));
  form.setAttribute('aria-labelledby', 'alert-form-h');
  // Alerts sent, ended or expired elsewhere show up by the event stream (no polling: the list is small news).
  return watch(0, () => load().catch((err) => say(t('common.error', {message: err.message}), true)),
    (event, again) => { if (event.name === 'alerts') again(); });
}
