// Density metrics, computed in the worker from what a frame already read back (the G×G
// energy grid and the chains) plus the data points: no extra model evaluations, except the
// small ∇ₓE read-out that frame.ts packs into the same readback.
//   log Z   quadrature over the view box (partition.ts, log-sum-exp in float64);
//   NLL     β·mean E(data) + log Z, E(data) by BILINEAR INTERPOLATION of the grid (chosen
//           over a model evaluation: zero device work, no shapes that depend on the point
//           count, and it is the same grid the quadrature integrates; the error is
//           ≈ h²/8·|∂²E|: +0.02 nats on 8 gaussians and +0.05 on 25 gaussians (std 0.12) with
//           the true energies, see metrics.test.ts);
//   KL      KL(data KDE ‖ p_θ) on the grid (kl.ts), kernel bandwidth from cross-validation
//           unless the settings fix one; the samples' KDE uses the same bandwidth;
//   SW₁     sliced Wasserstein-1 between samples and data (data units);
//   modes   coverage of the known centres of the 8- and 25-gaussian presets;
//   health  checkHealth over histories kept here (one value per metrics computation).
// Throttled: at most every METRICS_EVERY_MS while training (each costs a few ms of JS).
import { DEFAULT_BOX, type Box } from '../ebm/box';
import { eightGaussianCentres, twentyFiveGaussianCentres } from '../ebm/datasets';
import { cvBandwidth } from '../ebm/density/bandwidth';
import { checkHealth, pointSpread, WINDOW } from '../ebm/density/health';
import { kde, MIN_BANDWIDTH_CELLS } from '../ebm/density/kde';
import { klDivergenceLog } from '../ebm/density/kl';
import { modeCoverage, type Centre } from '../ebm/density/modes';
import { nll } from '../ebm/density/nll';
import { cellSize, normalise, type GridSpec } from '../ebm/density/partition';
import { slicedWasserstein } from '../ebm/density/sampleDistance';
import { SlicedToData } from '../ebm/density/slicedToData';
import type { PresetName } from '../contract/presets';
import type { DensityMetrics, MetricsPayload } from '../contract/protocol';

/** Least time between two metrics computations while training (2.5 per second). */
export const METRICS_EVERY_MS = 400;
/** Histories kept for the health trends: two trend windows. */
export const HEALTH_HISTORY = 2 * WINDOW;
/** Density-view colour top when there is no data to anchor it (per unit area). */
export const DEFAULT_DENSITY_SCALE = 0.5;

/** The known mode centres of a preset, from datasets.ts (the generators' own numbers). */
export function presetCentres(preset: PresetName | null | undefined): Centre[] | null {
  const toCentre = (c: { x: number; y: number }): Centre => [c.x, c.y];
  if (preset === '8gaussians') return eightGaussianCentres().map(toCentre);
  if (preset === '25gaussians') return twentyFiveGaussianCentres().map(toCentre);
  return null;
}

/**
 * Values of a grid at arbitrary points by bilinear interpolation between cell centres
 * (grid layout of density/grid.ts); points beyond the outer centres take the edge value.
 */
export function interpolateGrid(
  values: ArrayLike<number>,
  grid: GridSpec,
  points: ArrayLike<number>,
): Float64Array {
  const { G, box } = grid;
  const h = cellSize(grid);
  const n = points.length >> 1;
  const out = new Float64Array(n);
  const split = (u: number): [number, number, number] => {
    if (!(u > 0)) return [0, 0, 0];
    if (u >= G - 1) return [G - 1, G - 1, 0];
    const i = Math.floor(u);
    return [i, i + 1, u - i];
  };
  for (let p = 0; p < n; p++) {
    const [i0, i1, fx] = split((points[2 * p] - box.min) / h - 0.5);
    const [j0, j1, fy] = split((points[2 * p + 1] - box.min) / h - 0.5);
    const a = values[j0 * G + i0] * (1 - fx) + values[j0 * G + i1] * fx;
    const b = values[j1 * G + i0] * (1 - fx) + values[j1 * G + i1] * fx;
    out[p] = a * (1 - fy) + b * fy;
  }
  return out;
}

/** Smallest of 1, 1.5, 2, 2.5, 4, 5, 8 × 10^k at or above v: a colour-scale top. */
export function niceCeil(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return DEFAULT_DENSITY_SCALE;
  const e = 10 ** Math.floor(Math.log10(v));
  const m = [1, 1.5, 2, 2.5, 4, 5, 8, 10].find((s) => s * e >= v * (1 - 1e-9)) ?? 10;
  return m * e;
}

/** The KDE bandwidth in use: the setting when > 0, else cross-validated on the data. */
export function chooseBandwidth(
  points: ArrayLike<number>,
  setting: number | undefined,
  grid: GridSpec,
) {
  const floor = MIN_BANDWIDTH_CELLS * cellSize(grid);
  if (setting !== undefined && setting > 0)
    return { bandwidth: Math.max(setting, floor), auto: false };
  const b = cvBandwidth(points);
  return { bandwidth: Number.isFinite(b) ? Math.max(b, floor) : 0.2, auto: true };
}

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
  sampleKde: Float32Array;
}

/** Every density number for one frame (pure; the tracker below adds caches and history). */
export function densityMetrics(d: DensityInput): DensityResult {
  const norm = normalise(d.energy, d.grid, d.beta);
  const hasData = d.points.length >= 2;
  const dataKde = d.dataKde ?? kde(d.points, d.grid, { bandwidth: d.bandwidth });
  const eData = hasData ? interpolateGrid(d.energy, d.grid, d.points) : new Float64Array(0);
  return {
    logZ: norm.logZ,
    nll: nll(eData, norm.logZ, d.beta),
    kl: hasData ? klDivergenceLog(dataKde, norm.logDensity, d.grid) : NaN,
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
    sampleKde: kde(d.samples, d.grid, { bandwidth: d.bandwidth }),
  };
}

export interface FrameInputs {
  energy: Float32Array;
  gridSize: number;
  samples: Float32Array;
  points: Float32Array;
  /** [loss, E(data), E(neg), ‖∇θ‖, …] as frame.ts reads them. */
  stats: Float32Array;
  /** Mean ‖∇ₓE‖ at (a fixed batch of) the chains; NaN if not read. */
  gradX: number;
  beta: number;
  stepSize: number;
  kdeBandwidth: number | undefined;
  /** Whether the data are being fitted (training mode with points). */
  training: boolean;
}

const push = (a: number[], v: number) => {
  a.push(v);
  if (a.length > HEALTH_HISTORY) a.shift();
};

/** Caches (data KDE, bandwidth), health histories and the throttle, for one engine. */
export class MetricsTracker {
  private centres: Centre[] | null = null;
  private last = -Infinity;
  private cache: { points: Float32Array; setting: number | undefined; G: number } | null = null;
  private dataKde: Float32Array = new Float32Array(0);
  private bw = { bandwidth: 0.2, auto: true };
  private dataSpread = NaN;
  private sw = new SlicedToData(new Float32Array(0));
  readonly history = {
    gap: [] as number[],
    meanEnergy: [] as number[],
    gradX: [] as number[],
    paramGradNorm: [] as number[],
  };

  constructor(private readonly box: Box = DEFAULT_BOX) {}

  setPreset(preset: PresetName | null | undefined): void {
    this.centres = presetCentres(preset);
  }

  /** A new run (reset, new model): the health trends start over. */
  reset(): void {
    for (const h of Object.values(this.history)) h.length = 0;
    this.last = -Infinity;
  }

  /** Whether a frame read now should carry metrics. */
  due(force: boolean, now = performance.now()): boolean {
    return force || now - this.last >= METRICS_EVERY_MS;
  }

  compute(f: FrameInputs, now = performance.now()): MetricsPayload {
    const t0 = performance.now();
    this.last = now;
    const grid: GridSpec = { G: f.gridSize, box: this.box };
    const c = this.cache;
    if (!c || c.points !== f.points || c.setting !== f.kdeBandwidth || c.G !== f.gridSize) {
      this.bw = chooseBandwidth(f.points, f.kdeBandwidth, grid);
      this.dataKde = kde(f.points, grid, { bandwidth: this.bw.bandwidth });
      this.dataSpread = pointSpread(f.points);
      this.sw = new SlicedToData(f.points);
      this.cache = { points: f.points, setting: f.kdeBandwidth, G: f.gridSize };
    }
    const hasData = f.points.length >= 2;
    const r = densityMetrics({
      energy: f.energy,
      grid,
      beta: f.beta,
      points: f.points,
      samples: f.samples,
      bandwidth: this.bw.bandwidth,
      dataKde: this.dataKde,
      centres: this.centres,
      slicedToData: this.sw,
    });
    // Health inputs: the CD stats are only meaningful while fitting data.
    const eData = f.stats[1];
    const eNeg = f.stats[2];
    const gap = f.training ? eData - eNeg : NaN;
    if (f.training) {
      push(this.history.gap, gap);
      push(this.history.meanEnergy, (eData + eNeg) / 2);
      push(this.history.paramGradNorm, f.stats[3]);
    }
    if (Number.isFinite(f.gradX)) push(this.history.gradX, f.gradX);
    const sampleSpread = pointSpread(f.samples);
    const warnings = checkHealth({
      ...this.history,
      energyRange: { min: r.energyMin, max: r.energyMax },
      beta: f.beta,
      borderMass: r.borderMass,
      sampleSpread: hasData ? sampleSpread : undefined,
      dataSpread: hasData ? this.dataSpread : undefined,
      stepSize: f.stepSize,
    });
    let dataMax = 0;
    for (let k = 0; k < r.dataKde.length; k++) dataMax = Math.max(dataMax, r.dataKde[k]);
    const metrics: DensityMetrics = {
      logZ: r.logZ,
      nll: r.nll,
      kl: r.kl,
      slicedW: r.slicedW,
      modesCovered: r.coverage ? r.coverage.covered : NaN,
      modesTotal: r.coverage ? r.coverage.total : NaN,
      offModeShare: r.coverage ? r.coverage.offModeShare : NaN,
      bandwidth: this.bw.bandwidth,
      bandwidthAuto: this.bw.auto,
      borderMass: r.borderMass,
      energyMin: r.energyMin,
      energyMax: r.energyMax,
      gap,
      gradX: f.gradX,
      paramGradNorm: f.training ? f.stats[3] : NaN,
      sampleSpread,
      dataSpread: this.dataSpread,
      densityScale: hasData ? niceCeil(1.1 * dataMax) : DEFAULT_DENSITY_SCALE,
      metricsMs: 0,
    };
    metrics.metricsMs = performance.now() - t0;
    return {
      metrics,
      modes: r.coverage
        ? r.coverage.modes.map((m) => ({
            x: m.centre[0],
            y: m.centre[1],
            dataShare: m.dataShare,
            sampleShare: m.sampleShare,
            covered: m.covered,
          }))
        : [],
      warnings,
      dataKde: r.dataKde.slice(),
      modelDensity: r.modelDensity,
      sampleKde: r.sampleKde,
    };
  }
}
