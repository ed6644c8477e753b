// The engine's side of the sampler registry. Every sampler file in this folder exports a
// `registration` (its contract id and a factory); this module finds them all, so a new
// sampler is its file plus its row in src/contract/samplers.ts, and nothing else.
import { SAMPLERS, type SamplerName } from '../../contract/samplers';
import type { Sampler, SamplerContext, SamplerRegistration } from './types';

// Whole modules, not `import: 'registration'`: the production bundler refuses a named import
// that a file (types.ts, trace.ts) does not export, and those files register nothing.
const found = import.meta.glob<{ registration?: SamplerRegistration }>(
  ['./*.ts', '!./*.test.ts', '!./testEnergies.ts', '!./registry.ts', '!./index.ts'],
  { eager: true },
);

export const REGISTRATIONS: Readonly<Record<SamplerName, SamplerRegistration>> = (() => {
  const byId = new Map<string, SamplerRegistration>();
  for (const [file, { registration: reg }] of Object.entries(found)) {
    if (!reg) continue;
    if (byId.has(reg.id)) throw new Error(`Sampler '${reg.id}' is registered twice (${file})`);
    byId.set(reg.id, reg);
  }
  const missing = SAMPLERS.filter((id) => !byId.has(id));
  if (missing.length) throw new Error(`No sampler file registers: ${missing.join(', ')}`);
  return Object.fromEntries(byId) as Record<SamplerName, SamplerRegistration>;
})();

/** A new sampler instance for this id (the caller disposes stateful ones). */
export function createSampler(id: SamplerName, ctx: SamplerContext): Sampler {
  return REGISTRATIONS[id].create(ctx);
}
