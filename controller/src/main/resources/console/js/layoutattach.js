// Where layouts apply (issue 23): an operator attaches a layout to a gate (its default), a campaign
// (for its time) or a screen (an override) and detaches it. Each row says which layout applies to
// what; a refusal (an unknown target, a layout of the wrong shape for the screen, ...) is shown in
// the user's language from its code.
import {h, fill, field} from './dom.js';
import {api} from './api.js';
import {t} from './i18n.js';
import {errorText} from './errors.js';
import {gates, gateName} from './gates.js';

const ASSIGNMENTS = '/api/v1/layouts/assignments';
const TARGETS = ['GATE', 'CAMPAIGN', 'SCREEN'];

/** {element, load(layouts)}: the attachments card; `layouts` are the stored LayoutSpecs to choose from. */
export function layoutAttachments() {
  const element = h('section', {class: 'card', id: 'lay-attach', 'aria-labelledby': 'lay-attach-h'});
  const message = h('p', {class: 'message', role: 'status', 'aria-live': 'polite'});
  let layouts = [];
  let campaigns = [];
  let screens = [];
  let assignments = [];

  function say(text, error) {
    message.className = error ? 'message error' : 'message';
    message.textContent = text;
  }

  function targetName(target, id) {
    if (target === 'GATE') return gateName(id);
    const found = (target === 'CAMPAIGN' ? campaigns : screens).find((x) => x.id === id);
    return found && found.name && found.name !== id ? `${found.name} (${id})` : id;
  }

  function choices(target) {
    if (target === 'GATE') return gates().map((g) => ({id: g.id, name: gateName(g.id)}));
    return (target === 'CAMPAIGN' ? campaigns : screens).map((x) => ({id: x.id, name: targetName(target, x.id)}));
  }

  function draw() {
    const kind = h('select', {id: 'lay-attach-kind', onchange: () => drawTargets()},
      TARGETS.map((k) => h('option', {value: k}, t(`lay.target.${k}`))));
    const target = h('select', {id: 'lay-attach-target'});
    const layout = h('select', {id: 'lay-attach-layout'},
      layouts.map((l) => h('option', {value: l.id}, `${l.id} · ${t(`lay.shape.${l.shape}`)}`)));
    function drawTargets() {
      fill(target, choices(kind.value).map((c) => h('option', {value: c.id}, c.name)));
    }
    drawTargets();
    async function attach(e) {
      e.preventDefault();
      if (!target.value || !layout.value) return;
      try {
        await api.put(`${ASSIGNMENTS}/${kind.value.toLowerCase()}/${encodeURIComponent(target.value)}`,
          {layoutId: layout.value});
        say(t('lay.attached', {layout: layout.value, target: targetName(kind.value, target.value)}));
        await refresh();
      } catch (err) {
        say(errorText(err), true);
      }
    }
    async function detach(a) {
      try {
        await api.del(`${ASSIGNMENTS}/${a.target.toLowerCase()}/${encodeURIComponent(a.targetId)}`);
        say(t('lay.detached', {layout: a.layoutId, target: targetName(a.target, a.targetId)}));
        await refresh();
      } catch (err) {
        say(errorText(err), true);
      }
    }
    fill(element, h('h2', {id: 'lay-attach-h'}, t('lay.attachTitle')), h('p', {class: 'hint'}, t('lay.attachHint')),
      assignments.length === 0 ? h('p', {class: 'empty'}, t('lay.noAttachments'))
        : h('ul', {class: 'plain', id: 'lay-attachments'}, assignments.map((a) =>
          h('li', {'data-attachment': `${a.target}:${a.targetId}`},
            t(`lay.target.${a.target}`), ' ', h('strong', {}, targetName(a.target, a.targetId)), ' → ',
            h('strong', {'data-attached-layout': a.layoutId}, a.layoutId), ' ',
            h('button', {type: 'button', class: 'danger', 'data-detach': `${a.target}:${a.targetId}`,
              onclick: () => detach(a)}, t('lay.detach'))))),
      layouts.length === 0 ? null : h('form', {class: 'inline-form', id: 'lay-attach-form', onsubmit: attach},
        field(t('lay.attachKind'), kind), field(t('lay.attachTarget'), target), field(t('lay.attachLayout'), layout),
        h('button', {type: 'submit', class: 'primary', 'data-action': 'attach-layout'}, t('lay.attach'))),
      message);
  }

  async function refresh() {
    assignments = await api.get(ASSIGNMENTS);
    draw();
  }

  return {
    element,
    async load(stored) {
      layouts = stored;
      [campaigns, screens] = await Promise.all([api.get('/api/v1/campaigns').catch(() => []),
        api.get('/api/v1/screens').catch(() => [])]);
      await refresh();
    },
  };
}

/** Every attachment ([] when they cannot be read: the views that show them still work). */
export function loadAssignments() {
  return api.get(ASSIGNMENTS).catch(() => []);
}

/** "Bố cục: X" for a gate or campaign with its own layout attached, else null. */
export function ownLayout(assignments, target, id) {
  const own = assignments.find((a) => a.target === target && a.targetId === id);
  return own ? t('lay.applies', {layout: own.layoutId}) : null;
}

/**
 * The layout that applies to a screen, campaign or gate, in words ("Bố cục: sanh-chinh (của cửa
 * khẩu)"), for the views of those things; null when none is attached (full-screen programme).
 */
export async function layoutApplying(target, id, gateId) {
  const all = await loadAssignments();
  const own = ownLayout(all, target, id);
  if (own) return own;
  const gate = gateId ? all.find((a) => a.target === 'GATE' && a.targetId === gateId) : null;
  return gate ? t('lay.appliesFromGate', {layout: gate.layoutId}) : null;
}
