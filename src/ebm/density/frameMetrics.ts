// Every density number for one frame, from plain arrays: the G×G energy grid a frame already
// read back, the chains and the data points. No model evaluation, no state.
//   log Z   quadrature over the view box (partition.ts, log-sum-exp in float64);
//   NLL     β·mean E(data) + log Z, E(data) interpolated from the grid (interpolate.ts);
//   KL      KL(data KDE ‖ K_b ∗ p_θ) on the grid (kl.ts): the model seen through the data's
//           kernel b (kde.ts smoothDensity), so a perfect model scores only the sampling
//           noise of the points (klFloor.ts); the samples' KDE uses the same bandwidth;
//   SW₁     sliced Wasserstein-1 between samples and data (data units);
//   modes   coverage of the given centres (modes.ts).
// The worker's tracker (src/worker/metrics.ts) adds the caches, the throttle and the
// health histories around it.
import { kde, smoothDensity } from './kde';
import { interpolateGrid } from './interpolate';
import { klDivergence } from './kl';
import { modeCoverage, type Centre } from './modes';
import { nll } from './nll';
import { normalise, type GridSpec } from './partition';
import { slicedWasserstein } from './sampleDistance';
import type { SlicedToData } from './slicedToData';

export interface DensityInput {
  /** E at the G×G cell centres (frame layout). */
  energy: ArrayLike<number>;
  grid: GridSpec;
  beta: number;
  /** Data points and chain positions, [x0, y0, …]. */
  points: ArrayLike<number>;
  samples: ArrayLike<number>;
  /** KDE bandwidth (data units) for both the data and the samples. */
  bandwidth: number;
  /** The data KDE if already computed with this bandwidth (it changes only with the data). */
  dataKde?: Float32Array;
  centres?: readonly Centre[] | null;
  /** Prepared data side of the sample distance (else computed from scratch). */
  slicedToData?: SlicedToData;
}

export interface DensityResult {
  logZ: number;
  nll: number;
  kl: number;
  slicedW: number;
  borderMass: number;
  energyMin: number;
  energyMax: number;
  coverage: ReturnType<typeof modeCoverage> | null;
  dataKde: Float32Array;
  modelDensity: Float32Array;
  /** log p_θ on the grid (no underflow), for levelCalibration.ts. */
  modelLogDensity: Float32Array;
  sampleKde: Float32Array;
}

/** The KL read-out: KL(data KDE ‖ K_b ∗ p_θ), the model seen through the data's kernel b. */
export function klToData(
  dataKde: ArrayLike<number>,
  modelDensity: ArrayLike<number>,
  grid: GridSpec,
  bandwidth: number,
): number {
  return klDivergence(dataKde, smoothDensity(modelDensity, grid, bandwidth), grid);
}

/** Every density number for one frame; NaN (or null) where there are no data. */
export function densityMetrics(d: DensityInput): DensityResult {
  const norm = normalise(d.energy, d.grid, d.beta);
  const hasData = d.points.length >= 2;
  const dataKde = d.dataKde ?? kde(d.points, d.grid, { bandwidth: d.bandwidth });
  const eData = hasData ? interpolateGrid(d.energy, d.grid, d.points) : new Float64Array(0);
  return {
    logZ: norm.logZ,
    nll: nll(eData, norm.logZ, d.beta),
    kl: hasData ? klToData(dataKde, norm.density, d.grid, d.bandwidth) : NaN,
    slicedW: !hasData
      ? NaN
      : d.slicedToData
        ? d.slicedToData.distance(d.samples)
        : slicedWasserstein(d.samples, d.points),
    borderMass: norm.borderMass,
    energyMin: norm.energyMin,
    energyMax: norm.energyMax,
    coverage:
      hasData && d.centres && d.centres.length > 0
        ? modeCoverage(d.samples, d.points, d.centres)
        : null,
    dataKde,
    modelDensity: norm.density,
    modelLogDensity: norm.logDensity,
    sampleKde: kde(d.samples, d.grid, { bandwidth: d.bandwidth }),
  };
}
