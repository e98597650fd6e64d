// A gate's facts (issue 23): its opening hours (each day open with its own spans), the dates it is
// closed, and the zones of its clock, each with a place name picked among the library's text items
// (reviewed like ticker lines, never typed here). Set, they replace the layout's own settings of
// every opening-hours and clock widget at that gate, on its screens and in the preview.
import {h, fill, field} from './dom.js';
import {api} from './api.js';
import {t, tOr} from './i18n.js';
import {errorText} from './errors.js';
import {firstGate, gates, gateName} from './gates.js';
import {weekHours, usualWeek} from './weekhours.js';

/** {element, load(textItems)}: the facts card; `onSaved(gateId)` is told after a save (the preview redraws). */
export function gateFactsEditor(onSaved) {
  const element = h('section', {class: 'card', id: 'gate-facts', 'aria-labelledby': 'gate-facts-h'});
  const message = h('p', {class: 'message', role: 'status', 'aria-live': 'polite'});
  let textItems = [];
  let shown = null; // the gate on the card: kept when the page reloads its lists (after a layout is saved)

  function say(text, error) {
    message.className = error ? 'message error' : 'message';
    message.textContent = text;
  }

  async function draw(gateId) {
    shown = gateId;
    const gateSelect = h('select', {id: 'facts-gate', onchange: () => draw(gateSelect.value)},
      gates().map((g) => h('option', {value: g.id, selected: g.id === gateId}, gateName(g.id))));
    let facts = {openingHours: null, clock: null};
    try {
      facts = await api.get(`/api/v1/clusters/${encodeURIComponent(gateId)}/facts`);
    } catch (err) {
      say(errorText(err), true);
    }
    const hours = facts.openingHours || {week: [], closedDates: []};
    const week = weekHours(facts.openingHours ? hours.week : usualWeek());
    const closed = [...(hours.closedDates || [])];
    const closedList = h('ul', {class: 'plain', id: 'facts-closed'});
    const newClosed = h('input', {type: 'date', id: 'facts-closed-date'});
    function drawClosed() {
      fill(closedList, closed.sort().map((d, i) => h('li', {'data-closed-date': d}, d, ' ',
        h('button', {type: 'button', class: 'danger', onclick: () => { closed.splice(i, 1); drawClosed(); }},
          t('pl.removeShort')))));
    }
    drawClosed();
    const zones = (facts.clock ? facts.clock.zones : [{zone: 'Asia/Ho_Chi_Minh', labelItemId: null},
      {zone: 'Asia/Shanghai', labelItemId: null}]).map((z) => ({...z}));
    const zonesBox = h('div', {id: 'facts-zones'});
    function drawZones() {
      fill(zonesBox, zones.map((z, i) => {
        const zone = h('input', {value: z.zone, autocomplete: 'off', 'data-facts-zone': i,
          oninput: () => { z.zone = zone.value.trim(); }});
        const label = h('select', {'data-facts-label': i, onchange: () => { z.labelItemId = label.value || null; }},
          h('option', {value: ''}, t('facts.zoneName')),
          textItems.map((item) => h('option', {value: item.id, selected: item.id === z.labelItemId},
            `${item.title} (${tOr(`status.${item.status}`, item.status)})`)));
        return h('fieldset', {class: 'facts-zone'}, h('legend', {}, t('facts.zone', {n: i + 1})),
          field(t('facts.zoneId'), zone), field(t('facts.placeName'), label, t('lay.approvedOnly')),
          h('button', {type: 'button', class: 'danger', onclick: () => { zones.splice(i, 1); drawZones(); }},
            t('pl.removeShort')));
      }), zones.length < 4 ? h('button', {type: 'button', 'data-action': 'add-zone',
        onclick: () => { zones.push({zone: '', labelItemId: null}); drawZones(); }}, t('facts.addZone')) : null);
    }
    drawZones();

    async function save(e) {
      e.preventDefault();
      const body = {
        openingHours: {week: week.week(), closedDates: closed},
        clock: zones.filter((z) => z.zone).length ? {zones: zones.filter((z) => z.zone)} : null,
      };
      try {
        await api.put(`/api/v1/clusters/${encodeURIComponent(gateId)}/facts`, body);
        say(t('facts.saved', {gate: gateSelect.selectedOptions[0].textContent}));
        onSaved(gateId);
      } catch (err) {
        say(errorText(err), true);
      }
    }

    fill(element, h('h2', {id: 'gate-facts-h'}, t('facts.title')), h('p', {class: 'hint'}, t('facts.intro')),
      h('form', {id: 'facts-form', 'data-gate': gateId, onsubmit: save}, field(t('facts.gate'), gateSelect),
        week.element,
        h('fieldset', {}, h('legend', {}, t('facts.closedDates')), closedList,
          field(t('facts.closedDate'), newClosed),
          h('button', {type: 'button', 'data-action': 'add-closed-date', onclick: () => {
            if (newClosed.value && !closed.includes(newClosed.value)) closed.push(newClosed.value);
            newClosed.value = '';
            drawClosed();
          }}, t('facts.addClosed'))),
        h('fieldset', {}, h('legend', {}, t('facts.clock')), zonesBox),
        h('button', {type: 'submit', class: 'primary', 'data-action': 'save-facts'}, t('facts.save'))),
      message);
  }

  return {
    element,
    load(items) {
      textItems = items;
      const list = gates();
      const gateId = list.some((g) => g.id === shown) ? shown : list.length ? firstGate() : null;
      if (gateId) draw(gateId);
    },
  };
}
