// The conditional read-out of a clamp: chains that hold x_a = c and sample the free
// coordinate t are binned into a histogram, gathered over frames, and compared with the exact
// p(t | x_a = c) the engine computed on the grid line:
//   curve mass of bin b  q_b = Σ_{cells k in b} p_k h   (Σ_b q_b = 1 up to the box edges),
//   histogram            p̂_b = n_b / Σ n,
//   total variation      TV = ½ Σ_b |p̂_b − q_b|  ∈ [0, 1]  (0: the same distribution).
// Pure arithmetic on arrays: no DOM, no store.
import type { ConditionalLine } from '../contract/experts';

export interface Box1 {
  min: number;
  max: number;
}

/** The grid curve's mass in each of `bins` equal bins over the box (G must be a multiple). */
export function curveMass(density: ArrayLike<number>, box: Box1, bins: number): Float64Array {
  const G = density.length;
  const h = (box.max - box.min) / G;
  const out = new Float64Array(bins);
  for (let k = 0; k < G; k++) {
    const b = Math.min(bins - 1, Math.floor((k * bins) / G));
    out[b] += density[k] * h;
  }
  return out;
}

/** ½ Σ |p_b − q_b| of two mass vectors (each normalised here to sum 1). */
export function totalVariation(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let sp = 0;
  let sq = 0;
  for (let b = 0; b < p.length; b++) {
    sp += p[b];
    sq += q[b];
  }
  if (!(sp > 0) || !(sq > 0)) return NaN;
  let tv = 0;
  for (let b = 0; b < p.length; b++) tv += Math.abs(p[b] / sp - q[b] / sq);
  return tv / 2;
}

/** Counts of the free coordinate over frames; reset when the clamp, run or energy changes. */
export class ConditionalHistogram {
  readonly counts: Float64Array;
  total = 0;
  private key = '';

  constructor(
    readonly bins: number,
    readonly box: Box1,
  ) {
    this.counts = new Float64Array(bins);
  }

  /** Starts afresh when `key` differs from the last one; true if it did. */
  keyed(key: string): boolean {
    if (key === this.key) return false;
    this.key = key;
    this.counts.fill(0);
    this.total = 0;
    return true;
  }

  /** Bins the free coordinate (1 − axis) of samples [x0, y0, x1, y1, …]. */
  add(samples: ArrayLike<number>, axis: 0 | 1): void {
    const { min, max } = this.box;
    const free = 1 - axis;
    for (let i = free; i < samples.length; i += 2) {
      const t = samples[i];
      if (!(t >= min && t <= max)) continue;
      const b = Math.min(this.bins - 1, Math.floor(((t - min) / (max - min)) * this.bins));
      this.counts[b]++;
      this.total++;
    }
  }

  /** TV distance to the line's curve (NaN before any sample). */
  distance(line: ConditionalLine): number {
    return this.total > 0
      ? totalVariation(this.counts, curveMass(line.density, this.box, this.bins))
      : NaN;
  }
}

/** The key under which a histogram is gathered: clamp, energy (its log Z) and sampling run. */
export function histogramKey(line: ConditionalLine, run: number, generation: number): string {
  return `${generation}|${run}|${line.axis}|${line.value}|${line.logZ.toPrecision(6)}`;
}
