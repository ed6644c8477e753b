import { defineConfig } from 'vitest/config';

// Unit tests: pure maths and the protocol, in Node on the tfjs cpu backend.
export default defineConfig({
  define: { __EBM_TEST__: 'false' },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    pool: 'forks',
  },
});
