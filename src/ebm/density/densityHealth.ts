// Health checks on the normalised model rather than on training histories (health.ts runs
// them with the rest). Each compares the model with something it must agree with:
//   mixing      max_k |m_k − s_k| > MIXING_MAX: the chains' split over the modes is not the
//               model's (modeMass.ts), so they have not mixed and CD learns their split.
//   weights     max_k |m_k − d_k| > WEIGHT_MAX: the model weights the modes unlike the data.
//   fixedPoint  E(data) < −F/(2α) or E(neg) > +F/(2α), F = FIXED_POINT_FRACTION: the CD loss
//               mean E(data) − mean E(neg) + α(mean E(data)² + mean E(neg)²) is minimised in
//               the two means at ∓1/(2α); energies running there mean data and negatives have
//               separated and the α term, not the data, sets the energy scale.
//   border      the outer ring of cells holds more than BORDER_DENSITY_RATIO × the mass a
//               uniform density puts there (4(G − 1)/G²). A fixed share (partition.ts's 0.01)
//               halves its meaning each time G doubles, since the ring's area ∝ 1/G; this
//               ratio is G-independent and equals 0.01 at G = 128.
//   resolution  log Z on the G/2 subgrids differs from log Z_G by > LOGZ_RESOLUTION_MAX
//               (resolution.ts): a mode is narrower than a cell; log Z, NLL and KL are off.
//   klFloor     KL − floor > max(KL_FLOOR_MARGIN, 2·floor std) (klFloor.ts): the model is
//               measurably worse than a perfect one would look on these points.
//   calibration the data's levels under p_θ are not uniform (levelCalibration.ts): KS distance
//               D > LEVEL_KS_RATIO (1.5) × its 5 % noise 1.36/√N. The KL read-out sees the model
//               through the data's kernel, so structure finer than the kernel (two close rings
//               drawn as one band) passes it; this check sees any width the grid resolves.
import type { HealthId, Level } from './health';
import { ksCritical } from './levelCalibration';
import type { ModeMass } from './modeMass';

export const MIXING_MAX = 0.1;
export const WEIGHT_MAX = 0.05;
export const FIXED_POINT_FRACTION = 0.5;
export const BORDER_DENSITY_RATIO = 0.32;
export const LOGZ_RESOLUTION_MAX = 0.02;
export const KL_FLOOR_MARGIN = 0.05;
/** 1.5 × the 5 % KS noise: under the truth D exceeds it with probability ≈ 5e-4. Measured at
 *  1,500 iterations (npm run fidelity, 400 points, noise 0.068), three seeds of the defaults:
 *  trained models that match the generator score D = 0.025–0.073 on every set; the rings run
 *  whose two middle rings merged (KL(p_true ‖ p_θ) 0.381 against 0.20–0.21 for the seeds
 *  that resolve them) scores 0.147. */
export const LEVEL_KS_RATIO = 1.5;
/** Grid size assumed when none is given (the worker's default). */
export const DEFAULT_GRID = 128;

export interface DensityHealthInput {
  /** partition.ts's borderMass, and the grid size G it was computed on. */
  borderMass?: number;
  gridSize?: number;
  /** modeMass.ts's result for the preset's centres. */
  modeMass?: ModeMass;
  /** CD's α and the latest mean E(data), mean E(negatives). */
  alpha?: number;
  energyData?: number;
  energyNeg?: number;
  /** resolution.ts's logZResolutionGap. */
  logZGap?: number;
  /** The KL read-out and klFloor.ts's mean and std for the same data and bandwidth. */
  kl?: number;
  klFloor?: number;
  klFloorStd?: number;
  /** levelCalibration.ts's KS distance, its point count and signed excess. */
  levelKs?: number;
  levelN?: number;
  levelExcess?: number;
}

/** Share of a uniform density's mass in the outer ring above which 'border' fires. */
export function borderMassThreshold(G: number): number {
  return (BORDER_DENSITY_RATIO * 4 * (G - 1)) / (G * G);
}

type Say = (id: HealthId, level: Level, message: string) => void;
const pct = (v: number) =>
  `${v > 0 && v < 0.01 ? (100 * v).toPrecision(1) : Math.round(100 * v)} %`;
const at = (c: readonly [number, number]) => `(${c[0].toFixed(1)}, ${c[1].toFixed(1)})`;

type Mode = ModeMass['modes'][number];

/** Mass per mode: the model against the chains (mixing), and against the data (weights). */
const MODE_CHECKS: readonly {
  id: HealthId;
  max: number;
  error: (mm: ModeMass) => number;
  share: (m: Mode) => number;
  text: (at: string, model: string, share: string) => string;
}[] = [
  {
    id: 'mixing',
    max: MIXING_MAX,
    error: (mm) => mm.maxChainError,
    share: (m) => m.chainShare,
    text: (c, model, share) =>
      `Chains have not mixed: the mode at ${c} holds ${model} of the model's mass but ${share} of the chains.`,
  },
  {
    id: 'weights',
    max: WEIGHT_MAX,
    error: (mm) => mm.maxWeightError,
    share: (m) => m.dataShare,
    text: (c, model, share) =>
      `Mode weights are wrong: the mode at ${c} has ${model} of the model's mass and ${share} of the data.`,
  },
];

export function densityChecks(h: DensityHealthInput, say: Say): void {
  const mm = h.modeMass;
  for (const c of MODE_CHECKS) {
    if (!mm || c.error(mm) <= c.max) continue;
    const w = worst(mm, (m) => Math.abs(m.modelMass - c.share(m)));
    say(c.id, 'warn', c.text(at(w.centre), pct(w.modelMass), pct(c.share(w))));
  }
  const { alpha, energyData: ed, energyNeg: en } = h;
  if (alpha !== undefined && alpha > 0) {
    const lim = FIXED_POINT_FRACTION / (2 * alpha);
    if ((ed !== undefined && ed < -lim) || (en !== undefined && en > lim))
      say(
        'fixedPoint',
        'warn',
        `Energies run to the regulariser's fixed point ∓${fmt(1 / (2 * alpha))}: ` +
          `E(data) = ${fmt(ed ?? NaN)}, E(samples) = ${fmt(en ?? NaN)}.`,
      );
  }
  const G = h.gridSize ?? DEFAULT_GRID;
  if (h.borderMass !== undefined && h.borderMass > borderMassThreshold(G))
    say(
      'border',
      'info',
      `${pct(h.borderMass)} of the model's mass sits on the edge: the box does not hold it.`,
    );
  if (h.logZGap !== undefined && h.logZGap > LOGZ_RESOLUTION_MAX)
    say(
      'resolution',
      'warn',
      `log Z changes by ${fmt(h.logZGap)} at half the grid: a mode is narrower than a cell.`,
    );
  if (h.kl !== undefined && h.klFloor !== undefined) {
    const margin = Math.max(KL_FLOOR_MARGIN, 2 * (h.klFloorStd ?? 0));
    if (h.kl - h.klFloor > margin)
      say(
        'klFloor',
        'warn',
        `KL ${fmt(h.kl)} nats is ${fmt(h.kl - h.klFloor)} above the floor ${fmt(h.klFloor)} ` +
          `a perfect model would score on these points.`,
      );
  }
  calibrationCheck(h, say);
}

function calibrationCheck(h: DensityHealthInput, say: Say): void {
  const { levelKs: d, levelN: n, levelExcess: s } = h;
  if (d === undefined || !n || d <= LEVEL_KS_RATIO * ksCritical(n)) return;
  const noise = `levels D = ${fmt(d)}, noise ${fmt(ksCritical(n))}`;
  say(
    'calibration',
    'warn',
    (s ?? 0) < 0
      ? `The data crowd the model's densest regions (${noise}): it spreads mass wider than the data, or fits these very points.`
      : `The data sit in the model's thin regions (${noise}): it puts mass where there are no data (a band across a gap?), or is too sharp.`,
  );
}

function worst(mm: ModeMass, err: (m: Mode) => number) {
  return mm.modes.reduce((a, b) => (err(b) > err(a) ? b : a));
}

const fmt = (v: number): string => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(2));
