// The engine's side of the model registry: one factory line per energy model, keyed by the
// contract's ids (src/contract/models.ts holds each model's label and parameters). A new
// model is its maths file, its contract row and one line here.
import { CLASS_COUNT } from '../contract/classes';
import { MODEL_SPECS, type ModelName } from '../contract/models';
import type { Settings } from '../contract/settings';
import type { EnergyModel } from './energy';
import { createJem } from './jem/jemModel';
import { createMlp } from './mlp';
import { createRbm } from './rbm';

/** Inputs in [−4, 4] are scaled by this before the MLP's first layer (the contract's row). */
export const INPUT_SCALE = MODEL_SPECS.mlp.inputScale;

type Factory = (s: Settings, seed: number) => EnergyModel;

export const MODEL_FACTORIES: Readonly<Record<ModelName, Factory>> = {
  mlp: (s, seed) => createMlp({ width: s.width, depth: s.depth, inputScale: INPUT_SCALE, seed }),
  rbm: (s, seed) => createRbm({ hidden: s.rbmHidden, seed }),
  jem: (s, seed) =>
    createJem({
      width: s.jemWidth,
      depth: s.jemDepth,
      inputScale: INPUT_SCALE,
      seed,
      classes: CLASS_COUNT,
    }),
};

/** The energy model the settings ask for. */
export function createModel(settings: Settings, seed: number): EnergyModel {
  return MODEL_FACTORIES[settings.model](settings, seed);
}
