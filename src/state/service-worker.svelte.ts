/**
 * The page's side of the service worker (src/sw/sw.ts): register it, give the page
 * cross-origin isolation on hosts that send no headers (one reload at most, never a loop),
 * and offer — never force — a reload when a new version has been deployed.
 */
import { errorText } from '../core/view/format';

/** What the service worker did for this page, shown in the environment panel. */
export type ServiceWorkerState =
  /** The page is controlled: offline cache and isolation headers in force. */
  | 'controlling'
  /** Registered, but this load did not go through it (first visit, or a hard reload). */
  | 'installed'
  /** The browser has no service workers here (old browser, some private modes, http: off localhost). */
  | 'unsupported'
  /** Registration was refused (blocked by settings or policy, private mode, storage off). */
  | 'failed'
  /** The development server: no service worker, so hot reload sees every change. */
  | 'off';

export interface ServiceWorkerStatus {
  state: ServiceWorkerState;
  /** Why, in a sentence a person can act on, when the state is not 'controlling'. */
  detail?: string;
}

/** sessionStorage key: set just before the one isolation reload, so a second never follows. */
const RELOAD_KEY = 'pp-isolation-reload';
/**
 * How long a page that is not isolated waits for registration and a first install before it
 * gives up on isolation for this load and mounts anyway (a blocked worker may never answer).
 */
const INSTALL_WAIT_MS = 3_000;

function readReloadFlag(): boolean {
  try {
    return sessionStorage.getItem(RELOAD_KEY) !== null;
  } catch {
    // No session storage: treat as already reloaded, so there can never be a loop.
    return true;
  }
}

function setReloadFlag(on: boolean): boolean {
  try {
    if (on) sessionStorage.setItem(RELOAD_KEY, String(Date.now()));
    else sessionStorage.removeItem(RELOAD_KEY);
    return true;
  } catch {
    return false;
  }
}

function timeout<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

/** A new version is installed and waiting; accepting reloads the page onto it. */
export class UpdateOffer {
  waiting = $state.raw<ServiceWorker | undefined>(undefined);

  /** Tells the waiting worker to take over; the page reloads when it has. */
  accept(): void {
    const w = this.waiting;
    if (!w) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    w.postMessage({ type: 'SKIP_WAITING' });
  }
}

/** The one offer per page. */
export const updateOffer = new UpdateOffer();

/** The service worker's status for this page, filled in by setUpServiceWorker. */
export const serviceWorker = $state<{ status: ServiceWorkerStatus | undefined }>({ status: undefined });

function watchForUpdates(reg: ServiceWorkerRegistration): void {
  const offer = (w: ServiceWorker | null) => {
    // Only an update has an old controller to replace; the first install just takes control.
    if (w && navigator.serviceWorker.controller) updateOffer.waiting = w;
  };
  offer(reg.waiting);
  reg.addEventListener('updatefound', () => {
    const installing = reg.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offer(reg.waiting ?? installing);
    });
  });
}

/**
 * Registers the service worker. Resolves with the status to show, or with 'reloading' after
 * starting the single reload that makes a freshly installed worker isolate the page — the
 * caller then mounts nothing.
 */
export async function setUpServiceWorker(opts: { enabled: boolean; url: string }): Promise<ServiceWorkerStatus | 'reloading'> {
  const status = await register(opts);
  if (status !== 'reloading') serviceWorker.status = status;
  return status;
}

async function register(opts: { enabled: boolean; url: string }): Promise<ServiceWorkerStatus | 'reloading'> {
  if (!opts.enabled) return { state: 'off', detail: 'The development server runs without the service worker.' };
  if (!('serviceWorker' in navigator)) {
    return { state: 'unsupported', detail: 'This browser offers no service worker here (private browsing in some browsers, or a page not served over https).' };
  }
  let reg: ServiceWorkerRegistration | undefined;
  try {
    reg = await Promise.race([navigator.serviceWorker.register(opts.url, { scope: './' }), timeout(INSTALL_WAIT_MS, undefined)]);
  } catch (err) {
    return { state: 'failed', detail: `The browser refused the service worker: ${errorText(err)}.` };
  }
  if (!reg) {
    return { state: 'failed', detail: `The service worker did not register within ${INSTALL_WAIT_MS / 1000} s (blocked by a setting or an extension?).` };
  }
  watchForUpdates(reg);

  if (globalThis.crossOriginIsolated === true) {
    setReloadFlag(false);
  } else if (!readReloadFlag()) {
    // Wait for the worker to be active, then load the page once more through it.
    const ready = await Promise.race([navigator.serviceWorker.ready.then(() => true), timeout(INSTALL_WAIT_MS, false)]);
    if (ready && setReloadFlag(true)) {
      location.reload();
      return 'reloading';
    }
  }

  if (navigator.serviceWorker.controller) return { state: 'controlling' };
  return {
    state: 'installed',
    detail: 'This load bypassed the service worker (a hard reload does that); an ordinary reload brings the offline copy and isolation back.',
  };
}
