// The engine's density metrics: the maths is src/ebm/density/frameMetrics.ts (pure, from the
// frame's grid and chains); this tracker adds what belongs to one engine:
//   caches    the data side (bandwidth, data KDE, spread, sorted projections) changes only
//             with the points, the bandwidth setting or the grid size, so it is kept;
//   preset    the known mode centres of the preset the points came from (coverage);
//   floor     the KL a perfect model would score on these points (klFloor.ts: 8 resampled
//             KDEs), cached with the data side: recomputed only when it changes;
//   history   one value per metrics computation for the health trends (healthReport);
//   throttle  at most every METRICS_EVERY_MS while training (each costs a few ms of JS).
import { DEFAULT_BOX, type Box } from '../ebm/box';
import { DEFAULT_DENSITY_SCALE, niceCeil } from '../ebm/density/colourScale';
import { densityMetrics } from '../ebm/density/frameMetrics';
import { healthReport, pointSpread, WINDOW } from '../ebm/density/health';
import { chooseBandwidth, kde } from '../ebm/density/kde';
import { klFloor, type KlFloor } from '../ebm/density/klFloor';
import { modeMass } from '../ebm/density/modeMass';
import { presetCentres, type Centre } from '../ebm/density/modes';
import type { GridSpec } from '../ebm/density/partition';
import { ksCritical, levelCalibration } from '../ebm/density/levelCalibration';
import { logZResolutionGap } from '../ebm/density/resolution';
import { SlicedToData } from '../ebm/density/slicedToData';
import type { PresetName } from '../contract/presets';
import type { DensityMetrics, MetricsPayload } from '../contract/protocol';

/** Least time between two metrics computations while training (2.5 per second). */
export const METRICS_EVERY_MS = 400;
/** Histories kept for the health trends: two trend windows. */
export const HEALTH_HISTORY = 2 * WINDOW;

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
  /** The energy² weight α of the running objective (0 when it has none, e.g. exact ML). */
  alpha?: number;
}

const NO_FLOOR: KlFloor = { mean: NaN, std: NaN, values: [] };
const finite = (v: number) => (Number.isFinite(v) ? v : undefined);

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
  private floor: KlFloor = NO_FLOOR;
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

  /** Known mode centres of generated data that is not a preset (tests, the benchmark). */
  setCentres(centres: Centre[] | null): void {
    this.centres = centres;
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
      const n = f.points.length >> 1;
      this.floor =
        n >= 2 ? klFloor(f.points, grid, this.bw.bandwidth, { dataKde: this.dataKde }) : NO_FLOOR;
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
    const centres = this.centres;
    const mm =
      hasData && centres && centres.length > 0
        ? modeMass(r.modelDensity, grid, centres, f.points, f.samples)
        : undefined;
    const logZGap = logZResolutionGap(f.energy, grid, f.beta);
    const level = hasData
      ? levelCalibration(r.modelLogDensity, grid, f.points)
      : { ks: NaN, excess: NaN, n: 0 };
    const { healthy, warnings } = healthReport({
      ...this.history,
      gridSize: f.gridSize,
      modeMass: mm,
      // The fixed point ∓1/(2α) of the CD loss: only while fitting with an α term.
      alpha: f.training && (f.alpha ?? 0) > 0 ? f.alpha : undefined,
      energyData: f.training ? finite(eData) : undefined,
      energyNeg: f.training ? finite(eNeg) : undefined,
      logZGap: finite(logZGap),
      kl: hasData ? finite(r.kl) : undefined,
      klFloor: hasData ? finite(this.floor.mean) : undefined,
      klFloorStd: finite(this.floor.std),
      levelKs: finite(level.ks),
      levelN: level.n,
      levelExcess: finite(level.excess),
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
      klFloor: hasData ? this.floor.mean : NaN,
      klFloorStd: hasData ? this.floor.std : NaN,
      logZGap,
      levelKs: level.ks,
      levelKsNoise: level.n > 0 ? ksCritical(level.n) : NaN,
      levelExcess: level.excess,
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
      modeMass: mm
        ? mm.modes.map((m) => ({
            x: m.centre[0],
            y: m.centre[1],
            modelMass: m.modelMass,
            dataShare: m.dataShare,
            chainShare: m.chainShare,
          }))
        : [],
      warnings,
      healthy,
      dataKde: r.dataKde.slice(),
      modelDensity: r.modelDensity,
      sampleKde: r.sampleKde,
    };
  }
}
