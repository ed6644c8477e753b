import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { wasmThreadsSource } from './scripts/wasmThreadsSource.ts';

// - The engine runs in a module Web Worker; its bundle must be ES modules too.
// - `base: './'`: every asset URL is relative, so the build runs from any sub-path (a course
//   site, a repository's pages) as well as from the root.
// - vite-plugin-pwa (Workbox) precaches the page, the worker bundle and the wasm binaries, so
//   after one visit the page opens and trains with no network (a classroom without Wi-Fi).
// - __EBM_TEST__ is true only when EBM_TEST_HOOKS=1 (the browser-test build, global-setup.ts):
//   `npm run build` leaves the test hooks out (tests/browser/robust.test.ts greps the bundle).
// - Cross-origin isolation (COOP + COEP, on `vite dev` and `vite preview`; README: static
//   hosts) gives the worker SharedArrayBuffer, so tfjs runs its threaded-SIMD wasm build on
//   several cores; wasmThreadsSource keeps that build working once minified.
const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  base: './',
  define: { __EBM_TEST__: JSON.stringify(process.env.EBM_TEST_HOOKS === '1') },
  plugins: [
    react(),
    wasmThreadsSource(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: null, // registered from src/main.tsx, after the engine has started
      manifest: {
        name: 'EBM Playground',
        short_name: 'EBM Playground',
        description: 'Shape a 2D distribution and watch an energy-based model learn it, live.',
        theme_color: '#1f4e79',
        background_color: '#f7f9fb',
        display: 'standalone',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{html,js,css,wasm,svg,png,webmanifest}'],
        // The worker bundle (TensorFlow.js with three backends) is about 1.5 MB.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
      },
    }),
  ],
  worker: { format: 'es', plugins: () => [wasmThreadsSource()] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { headers: ISOLATION },
  preview: { host: '127.0.0.1', headers: ISOLATION },
});
