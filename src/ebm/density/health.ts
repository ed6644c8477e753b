// Training-health read-outs in plain words, from histories the worker already keeps (one
// value per training iteration, oldest first; trends as defined in trend.ts) plus the latest
// spreads and grid range. Each warning names the symptom with its numbers and one fix.
// The checks on the normalised model (mode weights, mixing, the CD fixed point, border mass,
// grid resolution, KL against its floor) live in densityHealth.ts and run here too.
import { densityChecks, type DensityHealthInput } from './densityHealth';
import { BLOCKS, last, recentMedian, steadyRise } from './trend';

export { pointSpread, WINDOW, BLOCKS } from './trend';

/** Offset drift: |mean E| rising steadily by > DRIFT_RISE over the window, to > DRIFT_MIN.
 * Learning moves E(data) down and E(samples) up, not their mean much; a steady one-way
 * move of the mean is the offset the CD loss cannot see (energy units, i.e. nats at β = 1). */
export const DRIFT_MIN = 10;
export const DRIFT_RISE = 2;
/** |mean E| beyond which float32 energies lose precision (ulp ≈ 1e-3 at 1e4). */
export const ENERGY_HUGE = 1e4;
/** Gap E(data) − E(samples): healthy CD keeps it near 0 (samples follow the model). It is
 * diverging if |gap| rises steadily by > GAP_RISE over the window, to > GAP_MIN: data
 * already e^GAP_MIN times likelier than the samples under the model, and moving away. */
export const GAP_MIN = 2;
export const GAP_RISE = 1;
/** |gap| past which the model has clearly outrun the sampler, trend or not. */
export const GAP_HUGE = 100;
/** Sample spread / data spread (RMS distance to the mean): collapsed below, overspread above. */
export const COLLAPSE_RATIO = 0.3;
export const COLLAPSE_SEVERE = 0.1;
export const OVERSPREAD_RATIO = 2;
/** Langevin drift per step ½εβ·mean‖∇ₓE‖ above this (data units; a few mode widths). */
export const STEP_JUMP_MAX = 0.5;
/** Mean ‖∇ₓE‖ at samples growing ×GRAD_X_RATIO over the window: gradients exploding. */
export const GRAD_X_RATIO = 10;
/** Latest parameter-gradient norm above PARAM_GRAD_SPIKE × the window median. */
export const PARAM_GRAD_SPIKE = 20;
/** β·(max E − min E) on the grid past which exp(−βE) underflows float32 (e^−88 ≈ 6e-39). */
export const STEEP_RANGE = 80;

export type Level = 'info' | 'warn' | 'error';
export type HealthId =
  | 'diverged'
  | 'drift'
  | 'gap'
  | 'collapse'
  | 'overspread'
  | 'step'
  | 'grad'
  | 'steep'
  | 'border'
  | 'mixing'
  | 'weights'
  | 'fixedPoint'
  | 'resolution'
  | 'klFloor'
  | 'calibration';
export interface HealthWarning {
  id: HealthId;
  level: Level;
  message: string;
  fix: string;
}

export interface HealthInput extends DensityHealthInput {
  /** Mean E(data) − mean E(samples), per iteration. */
  gap: ArrayLike<number>;
  /** Mean E over data and samples (signed), per iteration: the offset CD cannot see. */
  meanEnergy: ArrayLike<number>;
  /** Mean ‖∇ₓE‖ at the samples, per iteration. */
  gradX: ArrayLike<number>;
  /** Global L2 norm of the parameter gradient (before clipping), per iteration. */
  paramGradNorm: ArrayLike<number>;
  /** Latest energy range on the grid (partition.ts's energyMin/Max) and β. */
  energyRange?: { min: number; max: number };
  beta?: number;
  /** pointSpread of the latest samples and of the data. */
  sampleSpread?: number;
  dataSpread?: number;
  /** Langevin step ε, to turn ‖∇ₓE‖ into a distance per step. */
  stepSize?: number;
}

/** One fix per symptom, in the words of the controls. */
export const FIXES: Record<HealthId, string> = {
  diverged: 'Reset the model, then lower the learning rate or the step size.',
  drift: 'Raise α (the energy² penalty): the contrastive loss cannot see the offset.',
  gap: 'Lower the learning rate, or use more Langevin steps so samples keep up.',
  collapse: 'Raise the re-initialisation fraction or the step size (more noise); raise α.',
  overspread: 'Lower the step size, or wait: freshly started chains need time to settle.',
  step: 'Lower the step size (and the learning rate if gradients keep growing).',
  grad: 'Lower the learning rate.',
  steep: 'Raise α to keep energies bounded, if this sharpness is not intended.',
  border: 'Train longer or raise α: the density is normalised over the view box only.',
  mixing: 'Move chains between modes: re-initialise more of them, or from the data.',
  weights: 'Mass must move between modes: train with exact ML, or draw negatives from p_θ.',
  fixedPoint: 'Raise α, or bound the energies: data and samples have separated.',
  resolution: 'Raise the grid size: log Z, NLL and KL are not resolved at this one.',
  klFloor: 'Train longer, or try another objective: the model can still get closer.',
  calibration:
    'Train longer, or give the MLP more width: the model cannot yet draw structure this fine.',
};

const fmt = (v: number): string => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(2));
const RANK: Record<Level, number> = { error: 0, warn: 1, info: 2 };

/** Warnings, most severe first; an empty list means nothing looks wrong. */
export function checkHealth(h: HealthInput): HealthWarning[] {
  const out: HealthWarning[] = [];
  const say = (id: HealthId, level: Level, message: string) =>
    out.push({ id, level, message, fix: FIXES[id] });
  const beta = h.beta ?? 1;
  const series = [h.gap, h.meanEnergy, h.gradX, h.paramGradNorm];
  if (series.some((s) => s.length > 0 && !Number.isFinite(last(s))))
    say('diverged', 'error', 'Training diverged: energies or gradients are NaN or infinite.');

  const e = Math.abs(last(h.meanEnergy));
  const drift = steadyRise(h.meanEnergy);
  if (e > ENERGY_HUGE) say('drift', 'error', `The energy level is ${fmt(e)}: precision is lost.`);
  else if (drift && drift[1] > DRIFT_MIN && drift[1] - drift[0] > DRIFT_RISE)
    say('drift', 'warn', `The energy level is drifting: ${fmt(drift[0])} → ${fmt(drift[1])}.`);

  const gapUp = steadyRise(h.gap);
  if (Math.abs(last(h.gap)) > GAP_HUGE)
    say('gap', 'error', `Energy gap data − samples is ${fmt(last(h.gap))}: samples fell behind.`);
  else if (gapUp && gapUp[1] > GAP_MIN && gapUp[1] - gapUp[0] > GAP_RISE)
    say('gap', 'warn', `The energy gap is diverging: |gap| ${fmt(gapUp[0])} → ${fmt(gapUp[1])}.`);

  const { sampleSpread: s, dataSpread: d } = h;
  const r = s !== undefined && d !== undefined && d > 0 ? s / d : 1;
  if (r < COLLAPSE_RATIO) {
    const level = r < COLLAPSE_SEVERE ? 'error' : 'warn';
    say(
      'collapse',
      level,
      `Samples collapsed: their spread is ${Math.round(100 * r)} % of the data's.`,
    );
  } else if (r > OVERSPREAD_RATIO)
    say('overspread', 'warn', `Samples are ${fmt(r)}× as spread out as the data.`);

  const jump = 0.5 * (h.stepSize ?? 0) * beta * last(h.gradX);
  const g0 = steadyRise(h.gradX);
  const gradUp = g0 && g0[1] > GRAD_X_RATIO * g0[0] ? g0 : null;
  if (jump > STEP_JUMP_MAX)
    say('step', 'warn', `Step too large: the gradient alone moves samples ~${fmt(jump)} a step.`);
  else if (gradUp)
    say('step', 'warn', `Gradients at the samples explode: ${fmt(gradUp[0])} → ${fmt(gradUp[1])}.`);

  const median = recentMedian(h.paramGradNorm);
  const g = last(h.paramGradNorm);
  if (h.paramGradNorm.length >= BLOCKS && median > 0 && g > PARAM_GRAD_SPIKE * median)
    say('grad', 'warn', `The parameter gradient spiked to ${fmt(g)} (typical ${fmt(median)}).`);

  const range = h.energyRange ? beta * (h.energyRange.max - h.energyRange.min) : 0;
  if (range > STEEP_RANGE)
    say('steep', 'info', `βE spans ${fmt(range)} over the box: most of the map reads as 0.`);
  densityChecks(h, say);
  return out.sort((a, b) => RANK[a.level] - RANK[b.level]);
}

/** Which checks had no input (so "healthy" does not speak for them). */
function skipped(h: HealthInput): HealthId[] {
  const out: HealthId[] = [];
  if (!h.energyRange) out.push('steep');
  if (h.borderMass === undefined) out.push('border');
  if (h.sampleSpread === undefined || h.dataSpread === undefined) out.push('collapse');
  if (!h.modeMass) out.push('mixing', 'weights');
  if (h.alpha === undefined || (h.energyData === undefined && h.energyNeg === undefined))
    out.push('fixedPoint');
  if (h.logZGap === undefined) out.push('resolution');
  if (h.kl === undefined || h.klFloor === undefined) out.push('klFloor');
  if (h.levelKs === undefined || !h.levelN) out.push('calibration');
  return out;
}

/**
 * Notes about the picture, not the model: a steep landscape is right for sharp data (a
 * gaussian of σ = 0.05 spans thousands of nats over the box), it only means the colour map
 * shows most of the box as 0. They are shown, but do not make a run unhealthy.
 */
export const DISPLAY_NOTES: readonly HealthId[] = ['steep'];

export interface HealthReport {
  /** True only when no check fired (info level included) other than DISPLAY_NOTES. */
  healthy: boolean;
  warnings: HealthWarning[];
  /** Checks that could not run for lack of input. */
  skipped: HealthId[];
}

export function healthReport(h: HealthInput): HealthReport {
  const warnings = checkHealth(h);
  const healthy = warnings.every((w) => DISPLAY_NOTES.includes(w.id));
  return { healthy, warnings, skipped: skipped(h) };
}
