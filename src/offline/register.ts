/**
 * The service worker of a production build (none in development or tests), and how a new version
 * reaches the user. The worker itself is src/offline/service-worker-plugin.ts.
 *
 * - Online, the page always comes from the network, so the next load after a new version is deployed
 *   runs the new version at once. Meanwhile the browser fetches the new sw.js (it checks on every
 *   load), which precaches the new build, takes control and deletes the old build's cache, so the
 *   new version is also the one that works offline from then on.
 * - A page still open on the old version when the new worker takes control (another tab was
 *   reloaded, or the browser checked for an update while this tab stayed open) can no longer count
 *   on the old build's files, which it may still need for screens it has not opened yet: it shows
 *   "a new version is available — reload" (see update-notice.tsx). It never reloads by itself, so
 *   nothing on screen is lost behind the user's back.
 * Saved answers live in localStorage and saved assessments in IndexedDB, which a service worker never
 * touches, so an update cannot lose them.
 */

let updateAvailable = false;
const listeners = new Set<() => void>();

/** Whether a newer version has taken over while this page runs an older one. */
export function isUpdateAvailable(): boolean {
  return updateAvailable;
}

/** Be told when a newer version takes over (for useSyncExternalStore); returns the unsubscribe. */
export function subscribeToUpdate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function announceUpdate(): void {
  if (updateAvailable) return;
  updateAvailable = true;
  for (const listener of listeners) listener();
}

/**
 * The files this page runs on: its module scripts and style sheets, and the script running this code.
 * Any change to the build renames the entry script, whose content names every other file.
 */
function filesOfThisPage(): string[] {
  const scripts = [...document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')].map((s) => s.src);
  const styles = [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"][href]')].map((l) => l.href);
  return [...scripts, ...styles, import.meta.url].filter((url) => new URL(url).origin === window.location.origin);
}

/** Once the worker has finished activating (for a new version: deleting the old caches). */
async function activated(worker: ServiceWorker): Promise<void> {
  while (worker.state === 'installed' || worker.state === 'activating')
    await new Promise((resolve) => worker.addEventListener('statechange', resolve, { once: true }));
}

/**
 * A worker has just taken control of this page. It is either the first one (the first visit) or a
 * new version's, which deletes every cache but its own as it activates: once it has, the page is out
 * of date when its own files are no longer cached. (The browser hands the page to the new worker
 * before the worker's activate event runs, so the caches are checked only after.)
 */
async function checkAfterTakeover(): Promise<void> {
  try {
    const worker = navigator.serviceWorker.controller;
    if (!worker) return;
    await activated(worker);
    const missing = await Promise.all(filesOfThisPage().map(async (url) => !(await caches.match(url, { ignoreVary: true }))));
    if (missing.some(Boolean)) announceUpdate();
  } catch {
    // No Cache Storage: no way to tell, and nothing to offer.
  }
}

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('controllerchange', () => void checkAfterTakeover());
  const register = () =>
    navigator.serviceWorker.register(new URL('sw.js', document.baseURI).href).catch(() => {
      // Offline support is a bonus: the app works without it.
    });
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
