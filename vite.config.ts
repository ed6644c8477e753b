import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The engine runs in a module Web Worker; its bundle must be ES modules too.
// __EBM_TEST__ is true only when EBM_TEST_HOOKS=1 (the browser-test build, global-setup.ts):
// `npm run build` leaves the test hooks out (tests/browser/hooks.test.ts greps the bundle).
export default defineConfig({
  plugins: [react()],
  define: { __EBM_TEST__: JSON.stringify(process.env.EBM_TEST_HOOKS === '1') },
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  preview: { host: '127.0.0.1' },
});
