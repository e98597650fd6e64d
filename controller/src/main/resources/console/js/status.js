// How a screen's truths read at a glance: the badges shared by the fleet board and the detail page.
import {badge} from './dom.js';
import {t} from './i18n.js';

export function agentBadge(screen) {
  if (screen.revokedAt) return badge(t('state.REVOKED'), 'muted');
  const state = screen.health ? screen.health.agent : screen.state;
  return badge(t(`state.${state}`), state === 'ONLINE' ? 'ok' : 'bad');
}

export function contentBadge(screen) {
  const upToDate = screen.health && screen.health.contentUpToDate;
  return badge(t(upToDate ? 'content.upToDate' : 'content.behind'), upToDate ? 'ok' : 'warn');
}

export function displayBadge(screen) {
  const display = (screen.health && screen.health.display) || 'UNKNOWN';
  const tone = display === 'SHOWING' ? 'ok' : display === 'NOT_SHOWING' ? 'bad' : 'muted';
  return badge(t(`display.${display}`), tone);
}

/** A screen needs a technician when it is down, behind on content, or not showing. */
export function hasProblem(screen) {
  if (screen.revokedAt) return false;
  const health = screen.health || {};
  return !health.up || !health.contentUpToDate || health.display === 'NOT_SHOWING';
}
