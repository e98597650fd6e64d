// The sign-in page.
import {h, field} from './dom.js';
import {api} from './api.js';
import {t} from './i18n.js';

/** @param notice why the user is here again (their session ended), shown until they sign in; null for none */
export function renderLogin(root, onSignedIn, languageButton, notice) {
  const username = h('input', {name: 'username', autocomplete: 'username', required: true});
  const password = h('input', {name: 'password', type: 'password', autocomplete: 'current-password', required: true});
  const message = h('p', {class: 'message error', role: 'alert'}, notice || '');
  const submit = h('button', {type: 'submit', class: 'primary'}, t('login.submit'));
  const form = h('form', {class: 'card login-card', onsubmit: async (e) => {
    e.preventDefault();
    submit.disabled = true;
    message.textContent = '';
    try {
      await api.login(username.value.trim(), password.value);
      onSignedIn();
    } catch (err) {
      message.textContent = err.status === 401 ? t('login.failed') : t('common.error', {message: err.message});
      submit.disabled = false;
      password.focus();
    }
  }},
  h('h1', {}, t('login.title')),
  field(t('login.username'), username),
  field(t('login.password'), password),
  message,
  submit);
  root.replaceChildren(h('main', {class: 'login', id: 'main'},
    h('div', {class: 'login-brand'}, h('p', {class: 'brand'}, t('app.name')), h('p', {class: 'tagline'}, t('app.tagline'))),
    form,
    h('div', {class: 'login-lang'}, languageButton())));
  username.focus();
}
