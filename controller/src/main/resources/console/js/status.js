// How a screen's truths read at a glance: the badges shared by the fleet board and the detail page.
import {badge} from './dom.js';
import {formatNumber, t, tOr} from './i18n.js';
import {gateName, isUnplacedGate} from './gates.js';

export function agentBadge(screen) {
  if (screen.revokedAt) return badge(t('state.REVOKED'), 'muted');
  const state = screen.health ? screen.health.agent : screen.state;
  return badge(t(`state.${state}`), state === 'ONLINE' ? 'ok' : 'bad');
}

export function contentBadge(screen) {
  const why = waitingText(screen);
  if (!screen.revokedAt && screen.publishedVersion === 0) {
    // Nothing published to it yet (a screen just paired): not "up to date", and not the technician's to fix.
    const el = badge(t('content.unpublished'), 'warn');
    el.title = why || t('content.unpublishedWhy');
    return el;
  }
  if (why) {
    // Moved to another gate and left to wait: it still plays what it was sent for the old one.
    const el = badge(t('content.waits'), 'warn');
    el.title = why;
    return el;
  }
  const upToDate = screen.health && screen.health.contentUpToDate;
  return badge(t(upToDate ? 'content.upToDate' : 'content.behind'), upToDate ? 'ok' : 'warn');
}

/**
 * Why a screen that arrived at its gate (paired, moved) waits for the next publish, in a sentence naming
 * the gate; null when it does not wait (or the controller has not tried it yet).
 */
export function waitingText(screen) {
  const waits = !screen.revokedAt && screen.waitsForPublish;
  if (!waits) return null;
  // Not placed at a gate yet: placing it is what it waits for, not a publish.
  if (isUnplacedGate(screen.clusterId)) return t('content.waits.unplaced');
  const key = `content.waits.${screen.publishedVersion === 0 ? 'nothing' : 'old'}.${waits.reason}`;
  return tOr(key, null) === null ? t('content.unpublishedWhy') : t(key, {gate: gateName(screen.clusterId)});
}

/**
 * What the panel shows: content, the gate's default fill, the "no content yet" card (the screen
 * would be black: red, with the reason) or a browser that is down (red). Agents that do not say
 * what they show (older ones) get the plain display state.
 */
export function displayBadge(screen, {alone = false} = {}) {
  const health = screen.health || {};
  const display = health.display || 'UNKNOWN';
  if (health.displayProblem) {
    const el = badge(t(`display.problem.${health.displayProblem}`), 'bad');
    el.title = t(`display.problemWhy.${health.displayProblem}`);
    el.dataset.problem = health.displayProblem;
    return el;
  }
  if (display === 'SHOWING' && health.showing) {
    return badge(t(`display.showing.${health.showing}`), health.showing === 'PLACEHOLDER' ? 'bad' : 'ok');
  }
  const tone = display === 'SHOWING' ? 'ok' : display === 'NOT_SHOWING' ? 'bad' : 'muted';
  // "Unknown" needs its aspect said where no column heading says it (the screen page's row of badges).
  return badge(t(alone && display === 'UNKNOWN' ? 'display.badge.UNKNOWN' : `display.${display}`), tone);
}

/** A warning badge when the screen's clock is off the controller's past the threshold; else null. */
export function clockBadge(screen) {
  const clock = screen.health && screen.health.clock;
  if (!clock || !clock.problem) return null;
  const hours = Math.abs(clock.offsetMillis) / 36e5;
  const amount = hours < 48 ? t('clock.hours', {n: formatNumber(Math.round(hours * 10) / 10)})
    : t('clock.days', {n: formatNumber(Math.round(hours / 24))});
  const b = badge(t('clock.off', {amount}), 'warn');
  b.title = t('clock.offTitle', {ms: formatNumber(clock.offsetMillis)});
  b.dataset.clock = 'off';
  return b;
}

/** A screen needs a technician when it is down, behind on content, not showing, would be black, or its clock is off. */
export function hasProblem(screen) {
  if (screen.revokedAt) return false;
  const health = screen.health || {};
  return !health.up || !health.contentUpToDate || health.display === 'NOT_SHOWING' || Boolean(health.displayProblem)
    || Boolean(health.clock && health.clock.problem);
}
