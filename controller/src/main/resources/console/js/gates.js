// The border gates (clusters), loaded once per page view: names and time zones for every date shown.
import {api} from './api.js';
import {t} from './i18n.js';

let clusters = new Map();

export async function loadGates() {
  const list = await api.get('/api/v1/clusters');
  clusters = new Map(list.map((c) => [c.id, c]));
  return clusters;
}

export function gates() { return [...clusters.values()]; }

/** The name migration V60 gave the gate screens wait in before they are placed; said in the reader's language. */
const UNPLACED_NAME = 'Chưa xếp cửa khẩu';

/** The gate screens wait in before they are placed, not renamed since (then it is a gate like any other). */
function isUnplaced(cluster) { return cluster.id === 'default' && cluster.name === UNPLACED_NAME; }

/** True for the gate screens wait in before a technician places them. */
export function isUnplacedGate(id) {
  const cluster = clusters.get(id);
  return !!cluster && isUnplaced(cluster);
}

export function gateName(id) {
  const cluster = clusters.get(id);
  if (!cluster) return id;
  if (isUnplaced(cluster)) return t('gates.unplaced');
  return cluster.name || cluster.id;
}

/**
 * The gate a form starts on: the first real gate. The unplaced one only when there is no other: a screen
 * paired there plays nothing, which a technician in a hurry would not notice.
 */
export function firstGate() {
  const list = gates();
  return (list.find((g) => !isUnplaced(g)) || list[0] || {id: 'default'}).id;
}

/** The gate's IANA time zone; the default gate's (Hanoi time) when it is unknown. */
export function zoneOf(clusterId) {
  const cluster = clusters.get(clusterId) || clusters.get('default');
  return cluster ? cluster.zone : 'Asia/Ho_Chi_Minh';
}

/** The zone for dates that belong to no one gate (content, publishes): the default gate's. */
export function homeZone() { return zoneOf('default'); }

/** The gate's languages in order of preference (a screen without its own shows these). */
export function gateLanguages(id) {
  const cluster = clusters.get(id);
  return cluster ? cluster.languages || [] : [];
}
