// The admin's users page: make a user with roles, change roles, disable or enable, set a new
// password (the user's sessions end; tell them the new one).
import {h, fill, field, badge, formProblem} from './dom.js';
import {api, session} from './api.js';
import {t, formatDateTime} from './i18n.js';
import {homeZone} from './gates.js';

const ROLES = ['admin', 'operator', 'approver', 'contributor', 'technician', 'viewer'];
const MIN_PASSWORD = 12;

function roleChecks(prefix, chosen) {
  return h('fieldset', {class: 'checks'}, h('legend', {}, t('users.roles')), ROLES.map((role) =>
    h('div', {class: 'check'},
      h('input', {type: 'checkbox', id: `${prefix}-${role}`, value: role, checked: chosen.includes(role)}),
      h('label', {for: `${prefix}-${role}`}, t(`role.${role}`)))));
}

const checked = (box) => [...box.querySelectorAll('input:checked')].map((c) => c.value);

export function renderUsers(main) {
  const message = h('p', {class: 'message', role: 'status', 'aria-live': 'polite'});
  const list = h('div', {class: 'table-wrap'});
  const editBox = h('div', {id: 'user-edit'});
  fill(main, h('h1', {}, t('users.title')), message, createForm(), h('section', {class: 'card',
    'aria-labelledby': 'users-h'}, h('h2', {id: 'users-h'}, t('users.list')), list), editBox);

  function say(text, error) {
    message.className = error ? 'message error' : 'message';
    message.textContent = text;
  }

  async function load() {
    const users = await api.get('/api/v1/users');
    fill(list, h('table', {}, h('thead', {}, h('tr', {}, [t('users.username'), t('users.roles'), t('users.state'),
      t('users.createdAt'), ''].map((c) => h('th', {scope: 'col'}, c)))),
    h('tbody', {}, users.map((u) => h('tr', {'data-user': u.username},
      h('th', {scope: 'row'}, u.username),
      h('td', {}, u.roles.map((r) => t(`role.${r}`)).join(', ')),
      h('td', {}, u.disabled ? badge(t('users.disabled'), 'bad') : badge(t('users.active'), 'ok')),
      h('td', {}, formatDateTime(u.createdAt, homeZone())),
      h('td', {}, h('button', {type: 'button', 'data-edit-user': u.username, onclick: () => edit(u)}, t('setup.edit'))))))));
  }

  function createForm() {
    const username = h('input', {id: 'user-name', required: true, autocomplete: 'off', pattern: '[a-z0-9][a-z0-9_.\\-]{0,63}',
      'data-pattern-hint': t('users.usernameHint')});
    const password = h('input', {id: 'user-password', type: 'text', required: true, autocomplete: 'new-password',
      minLength: MIN_PASSWORD, maxLength: 200});
    const roles = roleChecks('new-role', []);
    const form = h('form', {class: 'card', onsubmit: async (e) => {
      e.preventDefault();
      if (password.value.length < MIN_PASSWORD) {
        formProblem(form, t('users.passwordShort', {min: MIN_PASSWORD}));
        password.focus();
        return;
      }
      if (checked(roles).length === 0) {
        formProblem(form, t('users.needRole'));
        return;
      }
      try {
        await api.post('/api/v1/users', {username: username.value.trim(), password: password.value, roles: checked(roles)});
        say(t('users.created', {name: username.value.trim()}));
        form.reset();
        await load();
      } catch (err) {
        formProblem(form, err.message);
      }
    }},
    h('h2', {}, t('users.new')),
    field(t('users.username'), username, t('users.usernameHint')),
    field(t('users.password'), password, t('users.passwordHint', {min: MIN_PASSWORD})),
    roles,
    h('button', {type: 'submit', class: 'primary', 'data-action': 'create-user'}, t('users.create')));
    return form;
  }

  function edit(user) {
    const roles = roleChecks('edit-role', user.roles);
    const disabled = h('input', {type: 'checkbox', id: 'edit-disabled', checked: user.disabled,
      disabled: user.username === session.user.username});
    const password = h('input', {id: 'edit-password', type: 'text', autocomplete: 'new-password', maxLength: 200});
    const form = h('form', {class: 'card', onsubmit: async (e) => {
      e.preventDefault();
      const body = {roles: checked(roles), disabled: disabled.checked};
      if (body.roles.length === 0) {
        formProblem(form, t('users.needRole'));
        return;
      }
      if (password.value) {
        if (password.value.length < MIN_PASSWORD) {
          formProblem(form, t('users.passwordShort', {min: MIN_PASSWORD}));
          password.focus();
          return;
        }
        body.password = password.value;
      }
      try {
        await api.put(`/api/v1/users/${encodeURIComponent(user.username)}`, body);
        say(t(body.password ? 'users.savedWithPassword' : 'users.saved', {name: user.username}));
        fill(editBox);
        await load();
      } catch (err) {
        formProblem(form, err.message);
      }
    }},
    h('h2', {}, t('users.editTitle', {name: user.username})), roles,
    h('div', {class: 'check'}, disabled, h('label', {for: 'edit-disabled'}, t('users.disable'))),
    field(t('users.newPassword'), password, t('users.resetHint', {min: MIN_PASSWORD})),
    h('div', {class: 'buttons'},
      h('button', {type: 'submit', class: 'primary', 'data-action': 'save-user'}, t('setup.save')),
      h('button', {type: 'button', onclick: () => fill(editBox)}, t('common.cancel'))));
    fill(editBox, form);
    form.querySelector('input').focus();
  }

  load().catch((err) => say(t('common.error', {message: err.message}), true));
}
