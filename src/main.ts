import { mount } from 'svelte';
import App from './ui/App.svelte';
import { setUpServiceWorker } from './state/service-worker.svelte';
import './ui/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');

const swSetUp = setUpServiceWorker({ enabled: import.meta.env.PROD, url: new URL('sw.js', document.baseURI).href });

// A page that is not isolated yet may be one reload away from it (a static host with no
// headers): settle that before mounting, so nothing a person starts is cut off by the reload.
function start(): void {
  target!.replaceChildren(); // the "Loading…" line of index.html
  mount(App, { target: target! });
}

if (globalThis.crossOriginIsolated === true) {
  start();
} else {
  void swSetUp.then((status) => {
    if (status !== 'reloading') start();
  });
}
