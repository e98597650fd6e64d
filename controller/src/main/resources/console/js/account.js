// Everyone's own account: change one's password (every session, this one too, then signs in again).
import {h, fill, field, formProblem} from './dom.js';
import {api, session} from './api.js';
import {t} from './i18n.js';

const MIN_PASSWORD = 12;

export function renderAccount(main, unused, signedOut) {
  const current = h('input', {id: 'current-password', type: 'password', required: true, autocomplete: 'current-password'});
  const next = h('input', {id: 'new-password', type: 'password', required: true, autocomplete: 'new-password',
    maxLength: 200});
  const again = h('input', {id: 'new-password-again', type: 'password', required: true, autocomplete: 'new-password',
    maxLength: 200});
  const form = h('form', {class: 'card', onsubmit: async (e) => {
    e.preventDefault();
    if (next.value.length < MIN_PASSWORD) {
      formProblem(form, t('users.passwordShort', {min: MIN_PASSWORD}));
      next.focus();
      return;
    }
    if (next.value !== again.value) {
      formProblem(form, t('account.mismatch'));
      again.focus();
      return;
    }
    try {
      await api.post('/api/v1/me/password', {currentPassword: current.value, newPassword: next.value});
      fill(main, h('h1', {}, t('account.title')),
        h('p', {class: 'message', role: 'status'}, t('account.changed')),
        h('button', {type: 'button', class: 'primary', onclick: () => { session.clear(); location.hash = ''; location.reload(); }},
          t('account.signInAgain')));
    } catch (err) {
      formProblem(form, err.message);
    }
  }},
  h('h2', {}, t('account.change')),
  field(t('account.current'), current),
  field(t('account.new'), next, t('users.passwordHint', {min: MIN_PASSWORD})),
  field(t('account.again'), again),
  h('button', {type: 'submit', class: 'primary', 'data-action': 'change-password'}, t('account.submit')));
  fill(main, h('h1', {}, t('account.title')), h('p', {}, t('account.who', {user: session.user.username,
    roles: session.user.roles.map((r) => t(`role.${r}`)).join(', ')})), form);
}
