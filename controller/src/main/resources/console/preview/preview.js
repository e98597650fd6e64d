// Inside the preview frame: the console posts {item} (an item as the agent's GET /now gives it),
// and this page draws it with the screens' renderer, swapping only once the new slide is ready,
// as a screen does. Media come from /media/{sha256}, the downloads screens use.
const render = window.GateCastScreen;
const stage = document.getElementById('stage');
const ticker = document.getElementById('ticker');
let latest = 0;

function draw(item) {
  latest += 1;
  const mine = latest;
  if (!item) {
    [...stage.children].forEach(render.discard);
    render.setTicker(ticker, null);
    document.body.dataset.state = 'empty';
    return;
  }
  const el = render.build(item);
  if (!el) {
    document.body.dataset.state = 'unsupported';
    return;
  }
  el.dataset.state = 'loading';
  stage.append(el);
  render.whenReady(el, () => {
    if (mine !== latest) { render.discard(el); return; }   // typed over by a newer version
    render.show(el);
    [...stage.children].forEach((old) => { if (old !== el) render.discard(old); });
    render.setTicker(ticker, item);
    document.body.dataset.state = 'shown';
  }, () => {
    el.dataset.state = 'failed';
    if (mine === latest) document.body.dataset.state = 'failed';
  });
}

window.addEventListener('message', (e) => {
  // Only the console page that framed us, from our own origin, may say what to draw.
  if (e.origin !== location.origin || e.source !== window.parent || !e.data || e.data.type !== 'gatecast.preview') return;
  draw(e.data.item);
});
window.parent.postMessage({type: 'gatecast.preview.ready'}, location.origin);
