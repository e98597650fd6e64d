// Inside the layout preview frame: the console posts {view} (the view layout.js draws, see the top
// of screen-renderer's layout.js), and this page mounts it, or updates it when only what the
// regions show changed, exactly as the agent's page will. Media come from /media/{sha256}.
const screen = document.getElementById('screen');
// The whole frame is the screen (set from script: the preview's CSP allows no inline style).
Object.assign(screen.style, {position: 'fixed', left: '0', top: '0', width: '100%', height: '100%'});
let handle = null;
let mounted = '';

function draw(view) {
  if (!view) {
    screen.textContent = '';
    handle = null;
    mounted = '';
    document.body.dataset.state = 'empty';
    return;
  }
  // The regions' places change with the shape or the template: mount anew; otherwise update, so
  // the preview switches language the way a screen does (all regions at once).
  const shapeKey = view.shape + '|' + JSON.stringify(view.regions.map((r) => [r.role, r.rect]));
  if (!handle || shapeKey !== mounted) {
    handle = window.GateCastLayout.mount(screen, view);
    mounted = shapeKey;
  } else {
    handle.update(view);
  }
  document.body.dataset.state = 'shown';
  document.body.dataset.language = view.language;
}

window.addEventListener('message', (e) => {
  // Only the console page that framed us, from our own origin, may say what to draw.
  if (e.origin !== location.origin || e.source !== window.parent || !e.data || e.data.type !== 'gatecast.layout') return;
  draw(e.data.view);
});
window.addEventListener('resize', () => { if (handle) handle.refit(); });
