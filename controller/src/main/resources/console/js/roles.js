// What each role may do, as the controller's AccessPolicy says; admin passes everything.
// The console only hides what a user cannot do: the controller checks every call itself.
import {session} from './api.js';

export const AUTHORS = ['contributor', 'operator'];
export const REVIEWERS = ['approver'];
export const SCHEDULERS = ['operator'];
export const FIELD = ['operator', 'technician'];

/** True when the signed-in user has one of `roles` (or is admin); an empty list means any signed-in user. */
export function may(roles) {
  const user = session.user;
  if (!user) return false;
  if (roles.length === 0 || user.roles.includes('admin')) return true;
  return user.roles.some((role) => roles.includes(role));
}
