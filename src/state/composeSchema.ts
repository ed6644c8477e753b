// The validator of a saved composition (links, storage, files): the frozen experts (built-in
// names, or a model's settings and every weight) and the mixing. Caps keep a hostile file
// from asking the worker for a huge model: at most MAX_EXPERTS experts, each weight tensor at
// most MAX_TENSOR values (the largest MLP layer, 256 × 256).
import { z } from 'zod';
import {
  BUILTIN_NAMES,
  COMPOSE_MODES,
  MAX_EXPERTS,
  MAX_MIX,
  type BuiltinExpert,
  type ExpertDef,
  type Mixing,
} from '../contract/experts';
import type { Settings } from '../contract/settings';

const MAX_TENSOR = 256 * 256;
const id = z.string().min(1).max(40);
const label = z.string().max(80);

const WeightsSchema = z.strictObject({
  shapes: z.array(z.array(z.number().int().min(1).max(MAX_TENSOR)).max(4)).max(16),
  values: z.array(z.array(z.number().finite()).max(MAX_TENSOR)).max(16),
});

export const MixingSchema = z.strictObject({
  on: z.boolean(),
  mode: z.enum(COMPOSE_MODES),
  weights: z.array(z.number().finite().min(0).max(MAX_MIX)).max(MAX_EXPERTS),
});

/**
 * The composition's validator around the page's settings validator (schema.ts passes its
 * own, so this file need not import it: schema.ts imports this one).
 */
export function compositionSchema<S extends z.ZodType<Settings, unknown>>(settings: S) {
  const ExpertSchema = z.discriminatedUnion('kind', [
    z.strictObject({
      id,
      label,
      kind: z.literal('builtin'),
      name: z.enum(BUILTIN_NAMES as [BuiltinExpert, ...BuiltinExpert[]]),
    }),
    z.strictObject({
      id,
      label,
      kind: z.literal('model'),
      settings,
      weights: WeightsSchema,
    }),
  ]);

  return z.strictObject({
    experts: z.array(ExpertSchema).max(MAX_EXPERTS),
    mixing: MixingSchema,
  });
}

export interface Composition {
  experts: ExpertDef[];
  mixing: Mixing;
}
