import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The engine runs in a module Web Worker; its bundle must be ES modules too.
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  preview: { host: '127.0.0.1' },
});
