// Offline support: the service worker that vite-plugin-pwa generates precaches the page, the
// worker bundle and the wasm binaries. It is registered once the engine runs (so the first
// visit's downloads do not compete with start-up), and only in a build: the dev server (which
// has hot reloading, import.meta.hot) serves no service worker.
import { registerSW } from 'virtual:pwa-register';

export function registerOffline(): void {
  if (import.meta.hot || !('serviceWorker' in navigator)) return;
  const start = () => void registerSW({ immediate: true });
  if (document.readyState === 'complete') setTimeout(start, 0);
  else window.addEventListener('load', start, { once: true });
}
