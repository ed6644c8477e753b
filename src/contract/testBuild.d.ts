// True only in the browser-test build (vite.config.ts defines it from EBM_TEST_HOOKS=1, which
// tests/browser/global-setup.ts sets); false in `npm run build` and in unit tests, so every
// `if (__EBM_TEST__)` branch, and the test hooks it imports, are removed from production.
declare const __EBM_TEST__: boolean;
