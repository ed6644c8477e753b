import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

// The layers (docs/architecture.md). Each folder may import only what sits below it:
//   contract            nothing from the project (the shared vocabulary)
//   ebm                 contract                  (pure maths on TensorFlow.js)
//   worker              ebm, contract             (the engine)
//   state               contract, ebm/datasets + ebm/rng (TF-free generators)
//   viz                 contract                  (d3 computes, canvas draws)
//   ui                  state, viz, contract, lessons, ebm/datasets
//   lessons             contract                  (the course as plain data)
// A rule per layer names what it may not import; import-x/no-cycle forbids cycles anywhere.
const TF = {
  group: ['@tensorflow/*'],
  message: 'Tensors live in the worker (src/worker, src/ebm).',
};
const PAGE_LIBS = {
  group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'd3', 'd3-*'],
  message: 'Page libraries stay out of the maths and the engine.',
};
const ZOD = { group: ['zod'], message: 'Validation is the page’s job (src/state/schema.ts).' };
const up = (...dirs) => ({
  group: dirs.map((d) => `**/${d}/**`).concat(dirs.map((d) => `**/${d}`)),
  message: `This layer may not import from ${dirs.join(', ')} (see docs/architecture.md).`,
});
const EBM_EXCEPT_PURE = {
  group: ['**/ebm/**', '!**/ebm/datasets', '!**/ebm/rng', '!**/ebm/ood'],
  message: 'The page may use only the TF-free parts of src/ebm (datasets, rng, ood).',
};
const layer = (files, ...patterns) => ({
  files,
  ignores: ['**/*.test.ts'],
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'test-results', 'tmp', 'scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  layer(
    ['src/contract/**'],
    { group: ['../*', '../**'], message: 'The contract imports nothing from the project.' },
    TF,
    PAGE_LIBS,
    ZOD,
  ),
  layer(['src/ebm/**'], up('worker', 'state', 'viz', 'ui'), PAGE_LIBS, ZOD),
  layer(['src/worker/**'], up('state', 'viz', 'ui'), PAGE_LIBS, ZOD),
  layer(['src/state/**'], up('worker', 'viz', 'ui'), EBM_EXCEPT_PURE, TF),
  layer(['src/viz/**'], up('worker', 'state', 'ui', 'ebm'), TF),
  layer(['src/ui/**'], up('worker'), EBM_EXCEPT_PURE, TF),
  layer(['src/lessons/**'], up('worker', 'state', 'viz', 'ui', 'ebm'), TF, PAGE_LIBS, ZOD),
);
