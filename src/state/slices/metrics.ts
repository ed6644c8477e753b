// Density metrics on the page: the latest numbers and bounded series for the charts, at a few
// updates per second. The three comparison grids bypass React like frames do (densityGrids in
// frameHolder.ts, read in requestAnimationFrame). Which quantity the landscape colours is a
// saved view option (view.density), not kept here. Kept under `metrics` in the store: its
// generation, iteration and history are the metrics messages', not the training status's.
import type {
  DensityMetrics,
  HealthWarning,
  MetricsMessage,
  ModeMassShare,
  ModeShare,
} from '../../contract/protocol';
import { densityGrids } from '../frameHolder';
import { emptySeries, pushSeries, type Series } from '../series';
import type { SliceCreator } from './slice';

/** The metrics charted over iterations (MetricCharts.tsx). */
const METRIC_KEYS = [
  'nll',
  'kl',
  'klFloor',
  'slicedW',
  'logZ',
  'gap',
  'gradX',
  'paramGradNorm',
  'borderMass',
] as const satisfies readonly (keyof DensityMetrics)[];
export type MetricsHistory = Series<(typeof METRIC_KEYS)[number]>;

export interface MetricsState {
  generation: number;
  iteration: number;
  latest: DensityMetrics | null;
  modes: ModeShare[];
  /** Per preset mode: the model's mass vs the data's and the chains' shares. */
  modeMass: ModeMassShare[];
  warnings: HealthWarning[];
  /** Every health check ran clean (the worker's healthReport). */
  healthy: boolean;
  history: MetricsHistory;
}

export interface MetricsSlice {
  metrics: MetricsState;
  /** Take one 'metrics' message (called by the engine bridge); stale generations are dropped. */
  recordMetrics(msg: MetricsMessage): void;
}

export const createMetricsSlice: SliceCreator<MetricsSlice> = (set, get) => ({
  metrics: {
    generation: -1,
    iteration: 0,
    latest: null,
    modes: [],
    modeMass: [],
    warnings: [],
    healthy: false,
    history: emptySeries(METRIC_KEYS),
  },
  recordMetrics: (msg) => {
    const s = get().metrics;
    if (msg.generation < s.generation) return;
    const history = msg.generation > s.generation ? emptySeries(METRIC_KEYS) : s.history;
    densityGrids.offer(msg);
    set({
      metrics: {
        generation: msg.generation,
        iteration: msg.iteration,
        latest: msg.metrics,
        modes: msg.modes,
        modeMass: msg.modeMass,
        warnings: msg.warnings,
        healthy: msg.healthy,
        history: pushSeries(history, METRIC_KEYS, msg.iteration, msg.metrics),
      },
    });
  },
});

/**
 * The latest metrics as plain finite numbers (for the JSON export): iteration, logZ, nll, kl,
 * slicedW, modesCovered/modesTotal (presets with known modes), bandwidth (bandwidthAuto 1/0),
 * borderMass, energyMin/Max, gap, gradX, paramGradNorm, spreads, metricsMs. Empty before the
 * first update.
 */
export function finiteMetrics({ latest, iteration }: MetricsState): Record<string, number> {
  if (!latest) return {};
  const out: Record<string, number> = { iteration };
  for (const [k, v] of Object.entries(latest)) {
    const n = typeof v === 'boolean' ? Number(v) : v;
    if (typeof n === 'number' && Number.isFinite(n)) out[k] = n;
  }
  return out;
}
