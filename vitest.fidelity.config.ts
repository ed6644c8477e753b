import { defineConfig } from 'vitest/config';

// `npm run fidelity`: the density-fidelity benchmark (bench/fidelity/), in Node. Not in CI:
// it trains for minutes. FIDELITY_BACKEND=cpu|wasm (default wasm).
export default defineConfig({
  test: {
    include: ['bench/fidelity/**/*.bench.test.ts'],
    environment: 'node',
    testTimeout: 3_600_000,
    pool: 'forks',
  },
});
