// Mode coverage: does the sampler visit every mode of a multi-modal data set, in roughly the
// right proportion? Each point is assigned to its nearest centre if within `radius` of it
// (otherwise to none). With d_k the data share and s_k the sample share of mode k,
//   mode k is covered  ⇔  s_k ≥ COVERAGE_FRACTION · d_k        (modes with d_k = 0 are ignored)
// Centres are an input, so this works with any generator; the presets' centres are below.
import type { PresetName } from '../../contract/presets';
import { eightGaussianCentres, twentyFiveGaussianCentres } from '../datasets';

/** A mode holds "enough" samples at half its expected share. */
export const COVERAGE_FRACTION = 0.5;

export type Centre = readonly [number, number];

export interface ModeStat {
  centre: Centre;
  dataShare: number;
  sampleShare: number;
  covered: boolean;
}

export interface Coverage {
  /** Modes covered, out of `total` (modes that hold data). */
  covered: number;
  total: number;
  modes: ModeStat[];
  /** Share of samples near no centre (between modes, or off the data entirely). */
  offModeShare: number;
}

/** '8gaussians': the 8 compass points on a circle, angle kπ/4 from +x, counter-clockwise. */
export function eightGaussiansCentres(radius = 2): Centre[] {
  return Array.from({ length: 8 }, (_, k): Centre => {
    const t = (k * Math.PI) / 4;
    return [radius * Math.cos(t), radius * Math.sin(t)];
  });
}

/** '25gaussians': a 5×5 grid, spacing·(i, j) for i, j ∈ {−2..2}, row by row from (−2, −2). */
export function twentyFiveGaussiansCentres(spacing = 2 / 2.828): Centre[] {
  const out: Centre[] = [];
  for (let j = -2; j <= 2; j++) for (let i = -2; i <= 2; i++) out.push([spacing * i, spacing * j]);
  return out;
}

/** The known mode centres of a preset, from datasets.ts (the generators' own numbers). */
export function presetCentres(preset: PresetName | null | undefined): Centre[] | null {
  const toCentre = (c: { x: number; y: number }): Centre => [c.x, c.y];
  if (preset === '8gaussians') return eightGaussianCentres().map(toCentre);
  if (preset === '25gaussians') return twentyFiveGaussianCentres().map(toCentre);
  return null;
}

/** Half the smallest distance between two centres: the largest radius with disjoint discs. */
export function defaultRadius(centres: readonly Centre[]): number {
  let d = Infinity;
  for (let a = 0; a < centres.length; a++)
    for (let b = a + 1; b < centres.length; b++)
      d = Math.min(d, Math.hypot(centres[a][0] - centres[b][0], centres[a][1] - centres[b][1]));
  return d / 2;
}

/** Mode index of each point (nearest centre within radius) or −1. */
export function assignModes(
  points: ArrayLike<number>,
  centres: readonly Centre[],
  radius: number,
): Int32Array {
  const n = points.length >> 1;
  const out = new Int32Array(n);
  const r2 = radius * radius;
  for (let p = 0; p < n; p++) {
    const x = points[2 * p];
    const y = points[2 * p + 1];
    let best = -1;
    let bestD = r2;
    for (let k = 0; k < centres.length; k++) {
      const d = (x - centres[k][0]) ** 2 + (y - centres[k][1]) ** 2;
      if (d <= bestD) {
        bestD = d;
        best = k;
      }
    }
    out[p] = best;
  }
  return out;
}

function shares(points: ArrayLike<number>, centres: readonly Centre[], radius: number): number[] {
  const counts = new Array<number>(centres.length + 1).fill(0); // last slot: no mode
  const modes = assignModes(points, centres, radius);
  for (const k of modes) counts[k < 0 ? centres.length : k]++;
  return counts.map((c) => (modes.length > 0 ? c / modes.length : 0));
}

/** Coverage of `centres` by samples, with expected shares taken from the data. */
export function modeCoverage(
  samples: ArrayLike<number>,
  data: ArrayLike<number>,
  centres: readonly Centre[],
  radius = defaultRadius(centres),
): Coverage {
  const d = shares(data, centres, radius);
  const s = shares(samples, centres, radius);
  const modes = centres.map((centre, k) => ({
    centre,
    dataShare: d[k],
    sampleShare: s[k],
    covered: d[k] > 0 && s[k] >= COVERAGE_FRACTION * d[k],
  }));
  return {
    covered: modes.filter((m) => m.covered).length,
    total: modes.filter((m) => m.dataShare > 0).length,
    modes,
    offModeShare: s[centres.length],
  };
}

/** Centres from labelled data (labels 0..L−1, e.g. the point editor's): the mean of each label. */
export function centresFromLabels(points: ArrayLike<number>, labels: ArrayLike<number>): Centre[] {
  const sx = new Map<number, [number, number, number]>();
  for (let p = 0; p < labels.length; p++) {
    const acc = sx.get(labels[p]) ?? [0, 0, 0];
    acc[0] += points[2 * p];
    acc[1] += points[2 * p + 1];
    acc[2]++;
    sx.set(labels[p], acc);
  }
  return [...sx.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, [x, y, c]]): Centre => [x / c, y / c]);
}
