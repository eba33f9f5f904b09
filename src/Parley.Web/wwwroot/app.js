import { session, get, live } from './api.js';
import { talksList, talksPage } from './views.js';

const view = document.getElementById('view');
const who = document.getElementById('who');
const liveState = document.getElementById('live');
let stopLive = null;
let me = null;

async function signIn(token) {
  session.token = token;
  try {
    me = await get('/api/session');
  } catch (e) {
    session.token = null;
    me = null;
    throw e;
  }
}

function showWho() {
  who.textContent = me ? `Signed in: ${me.label} (${me.role})` : 'Public view';
  document.getElementById('signout-button').hidden = !me;
  document.getElementById('signin-button').hidden = !!me;
  document.getElementById('token').hidden = !!me;
}

async function route() {
  stopLive?.();
  stopLive = null;
  liveState.textContent = 'offline';
  const match = location.hash.match(/^#\/talks\/([^/]+)$/);
  try {
    if (!match) {
      if (me) { location.hash = `#/talks/${encodeURIComponent(me.talksId)}`; return; }
      view.replaceChildren(await talksList());
      return;
    }
    const id = decodeURIComponent(match[1]);
    let pending = false;
    const render = async () => { view.replaceChildren(...await talksPage(id, render)); };
    await render();
    stopLive = live(id, () => {
      // Coalesce bursts of events into one refresh.
      if (pending) return;
      pending = true;
      setTimeout(async () => { pending = false; await render(); }, 150);
    }, (state) => { liveState.textContent = state; });
  } catch (e) {
    view.textContent = `Error: ${e.message}`;
  }
}

document.getElementById('signin').addEventListener('submit', async (event) => {
  event.preventDefault();
  const input = document.getElementById('token');
  try { await signIn(input.value.trim()); input.value = ''; showWho(); location.hash = `#/talks/${encodeURIComponent(me.talksId)}`; await route(); }
  catch (e) { who.textContent = `Sign-in failed: ${e.message}`; }
});
document.getElementById('signout-button').addEventListener('click', async () => {
  session.token = null; me = null; showWho(); await route();
});
window.addEventListener('hashchange', route);

(async () => {
  // A sign-in link carries the token in the fragment (never sent to the server); move it to sessionStorage at once.
  const fromLink = location.hash.match(/^#token=(.+)$/);
  if (fromLink) {
    history.replaceState(null, '', location.pathname);
    try { await signIn(decodeURIComponent(fromLink[1])); } catch (e) { who.textContent = `Sign-in failed: ${e.message}`; }
  } else if (session.token) {
    try { await signIn(session.token); } catch { /* expired or foreign token: stay public */ }
  }
  showWho();
  if (me && !location.hash.startsWith('#/talks/')) location.hash = `#/talks/${encodeURIComponent(me.talksId)}`;
  else await route();
})();
