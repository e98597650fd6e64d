// Where layouts apply (issue 23): an operator attaches a layout to a gate (its default for the
// layout's shape: a gate holds one landscape and one portrait default), a campaign (for its time)
// or a screen (an override), and detaches one, after being asked. Each row says which layout, of
// which shape, applies to what, by name; a refusal (an unknown target, a layout of the wrong shape
// for the screen, ...) is shown in the user's language from its code. Screens get what changes here
// with the next publish, and the messages say so.
import {h, fill, field, sayIn} from './dom.js';
import {api} from './api.js';
import {t} from './i18n.js';
import {errorText} from './errors.js';
import {gates, gateName, zoneOf} from './gates.js';
import {shapeText, shapeOfOrientation} from './layouttemplates.js';
import {localParts} from './zonetime.js';
import {nextPublishNote} from './publish.js';
import {loadScreens} from './screennames.js';

const ASSIGNMENTS = '/api/v1/layouts/assignments';
const TARGETS = ['GATE', 'CAMPAIGN', 'SCREEN'];

/**
 * {element, load(layouts), names}: the attachments card; `layouts` are the stored LayoutSpecs to
 * choose from; `names` names the ids of a refusal's details as the card does (errors.js).
 */
export function layoutAttachments() {
  const element = h('section', {class: 'card', id: 'lay-attach', 'aria-labelledby': 'lay-attach-h'});
  const message = h('p', {class: 'message', role: 'status', 'aria-live': 'polite'});
  let layouts = [];
  let campaigns = [];
  let screens = [];
  let assignments = [];

  /** A gate, campaign or screen by the name people gave it; by its id only when it has none. */
  function targetName(target, id) {
    if (target === 'GATE') return gateName(id);
    const found = (target === 'CAMPAIGN' ? campaigns : screens).find((x) => x.id === id);
    return (found && found.name) || id;
  }

  const names = {
    screen: (id) => targetName('SCREEN', id),
    screens: (id) => targetName('SCREEN', id),
    campaigns: (id) => targetName('CAMPAIGN', id),
    gates: gateName,
  };

  function choices(target) {
    if (target === 'GATE') return gates().map((g) => ({id: g.id, name: gateName(g.id)}));
    if (target === 'CAMPAIGN') return campaigns.map((c) => ({id: c.id, name: targetName(target, c.id)}));
    // A screen with its gate (many gates have a "Sảnh chờ") and its orientation: it takes only a layout of that
    // shape. Two of one name at one gate are told apart by their ids.
    const label = (s) => `${targetName(target, s.id)} · ${gateName(s.clusterId)}`;
    const taken = new Map();
    screens.forEach((s) => taken.set(label(s), (taken.get(label(s)) || 0) + 1));
    return screens.map((s) => ({id: s.id, name: `${label(s)}${taken.get(label(s)) > 1 ? ` (${s.id})` : ''}`
      + ` · ${shapeText(s.orientation)}`}));
  }

  function draw() {
    const kind = h('select', {id: 'lay-attach-kind', onchange: () => drawTargets()},
      TARGETS.map((k) => h('option', {value: k}, t(`lay.target.${k}`))));
    const target = h('select', {id: 'lay-attach-target'});
    const layout = h('select', {id: 'lay-attach-layout'},
      layouts.map((l) => h('option', {value: l.id}, `${l.id} · ${shapeText(l.shape)}`)));
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
        const said = t('lay.attached', {layout: layout.value, target: targetName(kind.value, target.value)});
        await refresh();
        sayIn(message, said, false, nextPublishNote());
      } catch (err) {
        sayIn(message, errorText(err, names), true);
      }
    }
    async function detach(a) {
      const where = targetName(a.target, a.targetId);
      if (!confirm(t(`lay.confirmDetach.${a.target}`, {layout: a.layoutId, shape: shapeText(a.shape), target: where}))) return;
      try {
        // Only this row's shape: a gate's default of the other shape stays.
        await api.del(`${ASSIGNMENTS}/${a.target.toLowerCase()}/${encodeURIComponent(a.targetId)}?shape=${a.shape}`);
        await refresh();
        sayIn(message, t('lay.detached', {layout: a.layoutId, target: where}), false, nextPublishNote());
      } catch (err) {
        // Detached meanwhile (LAYOUT_NOT_ATTACHED names its target by id): said by the name the row showed.
        sayIn(message, errorText(err, {...names, value: () => where}), true);
      }
    }
    fill(element, h('h2', {id: 'lay-attach-h'}, t('lay.attachTitle')), h('p', {class: 'hint'}, t('lay.attachHint')),
      assignments.length === 0 ? h('p', {class: 'empty'}, t('lay.noAttachments'))
        : h('ul', {class: 'plain', id: 'lay-attachments'}, assignments.map((a) => {
          const row = `${a.target}:${a.targetId}:${a.shape}`;
          return h('li', {'data-attachment': row},
            `${t(`lay.target.${a.target}`)}: `, h('strong', {}, targetName(a.target, a.targetId)), ' → ',
            h('strong', {'data-attached-layout': a.layoutId}, a.layoutId), ` (${shapeText(a.shape)}) `,
            h('button', {type: 'button', class: 'danger', 'data-detach': row, onclick: () => detach(a)}, t('lay.detach')));
        })),
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
    names,
    async load(stored) {
      layouts = stored;
      [campaigns, screens] = await Promise.all([api.get('/api/v1/campaigns').catch(() => []),
        loadScreens().catch(() => [])]);
      await refresh();
    },
  };
}

/** Every attachment ([] when they cannot be read: the views that show them still work). */
export function loadAssignments() {
  return api.get(ASSIGNMENTS).catch(() => []);
}

/** "Bố cục: X (Màn hình ngang 16:9)" for a gate or campaign with layouts of its own (a gate: one per shape), else null. */
export function ownLayout(assignments, target, id) {
  const own = assignments.filter((a) => a.target === target && a.targetId === id);
  return own.length ? t('lay.applies', {layout: own.map((a) => `${a.layoutId} (${shapeText(a.shape)})`).join(', ')})
    : null;
}

/**
 * What a screen (GET /api/v1/screens/{id}) shows, in words, a line each, as the controller chooses
 * it (LayoutChoice, RulesBuilder): its own layout when drawn for the screen's orientation — and then
 * no campaign's; else its gate's default of that shape, or none (the programme full screen), and
 * for their time the layouts of that shape the campaigns aimed at it bring (not those over). Its own layout of
 * the other shape is said to be not shown.
 */
export async function layoutApplying(screen) {
  const [all, campaigns] = await Promise.all([loadAssignments(), api.get('/api/v1/campaigns').catch(() => [])]);
  const shape = shapeOfOrientation(screen.orientation);
  const attached = (target, id) => all.filter((a) => a.target === target && a.targetId === id);
  const own = attached('SCREEN', screen.id)[0];
  if (own && own.shape === shape) return [t('lay.applies', {layout: own.layoutId})];
  const gate = attached('GATE', screen.clusterId).find((a) => a.shape === shape);
  const lines = [gate ? t('lay.appliesFromGate', {layout: gate.layoutId, shape: shapeText(shape)}) : t('lay.noneApplies')];
  if (own) lines.push(t('lay.ownNotShown', {layout: own.layoutId, shape: shapeText(own.shape)}));
  // The wall-clock time now at the gate, as campaigns' start and end are written ("2026-12-07T06:20").
  const {date, hhmm} = localParts(new Date(), zoneOf(screen.clusterId));
  const now = `${date}T${hhmm}`;
  for (const campaign of campaigns.filter((c) => aims(c.targets || {}, screen) && !(c.end && c.end <= now))) {
    const brought = attached('CAMPAIGN', campaign.id).find((a) => a.shape === shape);
    if (brought) lines.push(t('lay.appliesDuringCampaign', {campaign: campaign.name || campaign.id, layout: brought.layoutId}));
  }
  return lines;
}

/** Whether a campaign's targets take in the screen: by its id, gate, groups or tags (the engine's Targets.matches). */
function aims(targets, screen) {
  const meets = (listed, values) => (listed || []).some((x) => values.includes(x));
  return meets(targets.screens, [screen.id]) || meets(targets.clusters, [screen.clusterId])
    || meets(targets.groups, screen.groups || []) || meets(targets.tags, screen.tags || []);
}
