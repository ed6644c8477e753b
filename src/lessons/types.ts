// What a lesson is: plain data. A step says what to read (2–5 sentences), an optional formula
// (TeX, with the colour macros of src/ui/lessons/formula.ts: \data{…} like the data points,
// \samp{…} like the MCMC samples, \rej{…} like rejected proposals, \lf{…} like the leapfrog
// path, \grad{…} like the gradient arrows), one thing to do, and the app state it opens with — expressed only in the contract's
// vocabulary (settings table keys, sampler/model names, presets, density views), applied
// through the store's ordinary actions. No lesson needs an `if` in the app.
import type { PresetName } from '../contract/presets';
import type { Settings } from '../contract/settings';
import type { ControlName, DensityMode, PanelName } from '../contract/view';

/** The live numbers the page already shows, as a challenge reads them. */
export interface LiveNumbers {
  /** Mean acceptance of the last sampler run (null: the sampler always accepts). */
  acceptRate: number | null;
  /** Training iteration. */
  iteration: number;
  /** KL(data‖model) in nats on the grid; null before the first metrics update. */
  kl: number | null;
  /** Preset modes holding samples, of the preset's modes (0 of 0 for custom data). */
  modesCovered: number;
  modesTotal: number;
  /**
   * Per preset mode, the share of p_θ's mass in its cell (grid quadrature), and the data's
   * share there; empty without known mode centres or before the first metrics update.
   */
  modeMass: readonly { model: number; data: number }[];
  /** Settings now in force. */
  settings: Settings;
}

/** A goal the page checks by itself from the live numbers, and ticks off when met. */
export interface Challenge {
  /** What the student must reach, in words (shown next to the tick). */
  goal: string;
  /** True when the goal is met right now. */
  met(live: LiveNumbers): boolean;
}

/** What a step sets when it opens. Everything is optional: unset parts stay as they are. */
export interface StepState {
  preset?: PresetName;
  settings?: Partial<Settings>;
  density?: DensityMode;
  /** Sample-mode trails (chain paths, rejected proposals, leapfrog path). */
  trails?: boolean;
  /** Start the step paused (slow-motion steps use the Step button). */
  paused?: boolean;
  /** Start the step with a fresh model (points kept). */
  reset?: boolean;
}

export interface LessonStep {
  title: string;
  /** 2–5 sentences. */
  text: string;
  /** TeX for KaTeX, with the colour macros named above. */
  formula?: string;
  /** The one thing to do. */
  todo: string;
  state?: StepState;
  /** The controls this step uses: presentation mode shows only these. */
  controls?: readonly ControlName[];
  /** The panels this step uses beyond its controls (JEM, compose…): presentation shows only these. */
  panels?: readonly PanelName[];
  challenge?: Challenge;
  /** A break-it step's repair: the settings that fix what the step broke. */
  fix?: { label: string; settings: Partial<Settings> };
  /** The step offers "one iteration in slow motion" (a button in the step). */
  slowMotion?: boolean;
  /**
   * Predict, then reveal: the student brushes where they expect the samples (or the lowest
   * energy) before pressing Play; Reveal scores the sketch by the share of p_θ's mass under it.
   */
  predict?: { target: 'samples' | 'lowEnergy' };
}

export interface Lesson {
  title: string;
  /** One line for the table of contents. */
  summary: string;
  /** Applied before each step's own state, so any step opens the same from a link. */
  setup: StepState;
  steps: readonly LessonStep[];
}
