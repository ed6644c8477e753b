// Composing energies and recovering coordinates: the words page and engine share.
//  Experts: frozen energies E_i. A 'model' expert is a copy of a trained model (its settings
//  name the architecture, its weights the parameters); a 'builtin' expert is an analytic
//  energy from BUILTIN_EXPERTS (a registry row here, its maths in ebm/builtinExperts.ts).
//  Composition: AND (product of experts) E = Σ w_i E_i; OR (soft-min) E = −log Σ w_i e^(−E_i).
//  Clamp: hold x (axis 0) or y (axis 1) at a value; the other coordinate is sampled.
import type { Settings } from './settings';

/** At most this many experts at once (each is a whole model in the worker). */
export const MAX_EXPERTS = 4;
/** Thumbnails are the expert's energy on a THUMB_SIZE² grid over the box. */
export const THUMB_SIZE = 32;
/** Mixing weights live in [0, MAX_MIX]; AND: the exponent of p_i, OR: the mixture weight. */
export const MAX_MIX = 3;

export const BUILTIN_EXPERTS = {
  ring: {
    label: 'Ring',
    explanation: 'E = (‖x‖ − 2.5)² / (2·0.3²): low on a circle of radius 2.5.',
  },
  rightHalf: {
    label: 'Right half-plane',
    explanation: 'E = 3·softplus(−4x): about 0 where x > 0, a steep wall where x < 0.',
  },
  upperHalf: {
    label: 'Upper half-plane',
    explanation: 'E = 3·softplus(−4y): about 0 where y > 0, a steep wall where y < 0.',
  },
} as const;
export type BuiltinExpert = keyof typeof BUILTIN_EXPERTS;
export const BUILTIN_NAMES = Object.keys(BUILTIN_EXPERTS) as BuiltinExpert[];

/** A model's parameters (the same shape as protocol.ts's ModelWeights, written here so this file
 * imports nothing that imports it). */
export interface ModelWeights {
  shapes: number[][];
  values: number[][];
}

export type ExpertDef =
  | { id: string; label: string; kind: 'builtin'; name: BuiltinExpert }
  | { id: string; label: string; kind: 'model'; settings: Settings; weights: ModelWeights };

export const COMPOSE_MODES = ['and', 'or'] as const;
export type ComposeMode = (typeof COMPOSE_MODES)[number];

/** The mixing: on/off, AND or OR, and one weight per expert (same order). */
export interface Mixing {
  on: boolean;
  mode: ComposeMode;
  weights: number[];
}

export interface Clamp {
  axis: 0 | 1;
  value: number;
}

/** p(t | x_axis = value) at the G cell centres of the free coordinate (Σ density·h = 1). */
export interface ConditionalLine {
  axis: 0 | 1;
  value: number;
  density: Float32Array;
  logZ: number;
}

/** Drop & restore: low-temperature Langevin from the dropped point (see ebm/recovery.ts). */
export const RESTORE = { steps: 250, beta: 40, stepSize: 0.0008 } as const;

/** The page's composition and recovery commands (part of protocol.ts's ToWorker). */
export type ComposeToWorker =
  /** The frozen experts to compose (the whole list; answered by 'expertsSet' with thumbnails). */
  | { type: 'setExperts'; requestId: number; experts: ExpertDef[] }
  /** How the experts are mixed (live: weights change without a new run). */
  | { type: 'mixing'; mixing: Mixing }
  /** Hold one coordinate at a value (sample mode samples the other), or release it. */
  | { type: 'clamp'; clamp: Clamp | null }
  /** Drop & restore: low-temperature Langevin from (x, y) (answered by 'restored'). */
  | { type: 'restore'; requestId: number; x: number; y: number };

/** The engine's answers to them (part of protocol.ts's FromWorker). */
export type ComposeFromWorker =
  /** The answer to 'setExperts': each expert's THUMB_SIZE² energy grid, or why not. */
  | { type: 'expertsSet'; requestId: number; thumbs: Float32Array[]; error: string | null }
  /** The answer to 'restore': the path [x0, y0, x1, y1, …], the dropped point first. */
  | { type: 'restored'; requestId: number; path: Float32Array };
