// Density metrics on the page: the latest numbers and bounded histories for the charts
// (zustand, a few updates per second), and the three comparison grids, which bypass React
// like frames do (densityGrids, read in requestAnimationFrame). Which quantity the landscape
// colours is a saved view option (the store's view.density), not kept here.
import { create } from 'zustand';
import type { HealthWarning } from '../contract/protocol';
import type { DensityMetrics, MetricsMessage, ModeShare } from '../contract/protocol';

/** Points kept per chart series (at ≈ 3 per second: the last few minutes). */
export const METRICS_HISTORY_CAP = 600;

export interface MetricsHistory {
  iteration: number[];
  nll: number[];
  kl: number[];
  slicedW: number[];
  logZ: number[];
  gap: number[];
  gradX: number[];
  paramGradNorm: number[];
  borderMass: number[];
}

const SERIES = [
  'nll',
  'kl',
  'slicedW',
  'logZ',
  'gap',
  'gradX',
  'paramGradNorm',
  'borderMass',
] as const satisfies readonly (keyof DensityMetrics & keyof MetricsHistory)[];

export function emptyMetricsHistory(): MetricsHistory {
  return {
    iteration: [],
    nll: [],
    kl: [],
    slicedW: [],
    logZ: [],
    gap: [],
    gradX: [],
    paramGradNorm: [],
    borderMass: [],
  };
}

const cap = (a: number[], v: number) =>
  a.length >= METRICS_HISTORY_CAP ? [...a.slice(1), v] : [...a, v];

/** Append one update; the same iteration again (paused) replaces nothing. */
export function pushMetrics(
  h: MetricsHistory,
  iteration: number,
  m: DensityMetrics,
): MetricsHistory {
  const lastIt = h.iteration[h.iteration.length - 1];
  if (lastIt === iteration) return h;
  if (lastIt !== undefined && iteration < lastIt) h = emptyMetricsHistory();
  const out = { ...h, iteration: cap(h.iteration, iteration) };
  for (const k of SERIES) out[k] = cap(h[k], m[k]);
  return out;
}

export interface MetricsState {
  generation: number;
  iteration: number;
  latest: DensityMetrics | null;
  modes: ModeShare[];
  warnings: HealthWarning[];
  history: MetricsHistory;
}

export const useMetrics = create<MetricsState>()(() => ({
  generation: -1,
  iteration: 0,
  latest: null,
  modes: [],
  warnings: [],
  history: emptyMetricsHistory(),
}));

type Listener = () => void;

/** The latest comparison grids (G×G densities, frame layout), outside React. */
class DensityGrids {
  dataKde: Float32Array | null = null;
  modelDensity: Float32Array | null = null;
  sampleKde: Float32Array | null = null;
  gridSize = 0;
  iteration = 0;
  version = 0;
  private listeners = new Set<Listener>();

  set(msg: MetricsMessage): void {
    this.dataKde = msg.dataKde;
    this.modelDensity = msg.modelDensity;
    this.sampleKde = msg.sampleKde;
    this.gridSize = msg.gridSize;
    this.iteration = msg.iteration;
    this.version++;
    this.listeners.forEach((l) => l());
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

export const densityGrids = new DensityGrids();

/** Take one 'metrics' message (called by the engine bridge); stale generations are dropped. */
export function recordMetrics(msg: MetricsMessage): void {
  const s = useMetrics.getState();
  if (msg.generation < s.generation) return;
  const history = msg.generation > s.generation ? emptyMetricsHistory() : s.history;
  densityGrids.set(msg);
  useMetrics.setState({
    generation: msg.generation,
    iteration: msg.iteration,
    latest: msg.metrics,
    modes: msg.modes,
    warnings: msg.warnings,
    history: pushMetrics(history, msg.iteration, msg.metrics),
  });
}

/**
 * The latest metrics as plain finite numbers (for the JSON export): iteration, logZ, nll, kl,
 * slicedW, modesCovered/modesTotal (presets with known modes), bandwidth (bandwidthAuto 1/0),
 * borderMass, energyMin/Max, gap, gradX, paramGradNorm, spreads, metricsMs. Empty before the
 * first update.
 */
export function latestMetrics(): Record<string, number> {
  const { latest, iteration } = useMetrics.getState();
  if (!latest) return {};
  const out: Record<string, number> = { iteration };
  for (const [k, v] of Object.entries(latest)) {
    const n = typeof v === 'boolean' ? Number(v) : v;
    if (typeof n === 'number' && Number.isFinite(n)) out[k] = n;
  }
  return out;
}
