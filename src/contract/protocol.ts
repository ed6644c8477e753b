// The one contract between the page and the engine worker. Each direction is a
// discriminated union; both sides switch over `type` exhaustively (assertNever).
// Per-frame arrays are Float32Arrays whose buffers are transferred, never cloned.
import type { AutotuneReport, LangevinRequest } from './autotune';
import type { ComposeFromWorker, ComposeToWorker, ConditionalLine } from './experts';
import type { PresetName } from './presets';
import type { MetricsMessage } from './metrics';
import type { Settings } from './settings';
import type { CompareFrame } from './compare';
import type { SamplesFrame } from './samplesFrame';
export type { SamplesFrame };
import type { TestReports } from './testReports';
export type { CompareFrame };
import type { ClassFrame, PointScores } from './jem';
import { slowPhaseBuffers, type SlowPhase } from './slowMotion';

// The metrics message and its parts live in metrics.ts; re-exported so the protocol is one
// import for its users.
export type {
  DensityMetrics,
  HealthWarning,
  MetricsMessage,
  MetricsPayload,
  ModeMassShare,
  ModeShare,
} from './metrics';

export type BackendName = 'webgl' | 'wasm' | 'cpu';
export type BackendRequest = BackendName | 'auto';

export interface FrameStats {
  loss: number;
  eData: number;
  eNeg: number;
  gradNorm: number;
  /** Mean acceptance of the last sampler run; null for samplers that always accept. */
  acceptRate: number | null;
}

export type ToWorker =
  | {
      type: 'init';
      backend: BackendRequest;
      settings: Settings;
      points: Float32Array;
      gridSize: number;
      /** The preset the points came from (known mode centres for the coverage metric). */
      preset?: PresetName;
      /** Each data point's class (contract/classes.ts) and the outlier points [x0, y0, …]. */
      labels?: Uint8Array;
      outliers?: Float32Array;
      /** `?langevin=`: force a Langevin path; auto lets the autotuner choose. */
      langevin?: LangevinRequest;
      /** `?threads=`: wasm threads (1: the single-threaded build; absent: tfjs's default). */
      threads?: number;
      /** The autotuner's report cached by the page for this device (used if the key matches). */
      autotune?: AutotuneReport | null;
      /** A Web Lock name the worker holds for its life: the page learns at once when it ends. */
      lifeLock?: string;
    }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  /** Re-initialise the model and chains; the points stay. */
  | { type: 'reset' }
  /** The full point set as [x0, y0, x1, y1, …] (transferred). */
  | {
      type: 'points';
      points: Float32Array;
      preset?: PresetName;
      /** Each data point's class, and the outliers (never trained on; scored for OOD). */
      labels?: Uint8Array;
      outliers?: Float32Array;
    }
  | { type: 'settings'; settings: Settings }
  /** The page has drawn (or dropped) every frame up to `frameId`: in flight = sent − acked. */
  | { type: 'ack'; frameId: number }
  /** The supervisor's heartbeat: answered by a 'status' (a worker that stops answering is dead). */
  | { type: 'ping' }
  /** Test builds only (the engine ignores it otherwise): inject a fault or report counters. */
  | { type: 'test'; action: TestAction }
  /** Run the micro-benchmarks (answered by 'benchResult'). */
  | { type: 'bench'; requestId: number }
  /** Sample mode: start PROBE_CHAINS chains at (x, y) (data units) and trace them. */
  | { type: 'probe'; x: number; y: number }
  /** Restart every chain uniformly over the box (a new sampling run; the model is kept). */
  | { type: 'restartChains' }
  /** Record and send trails of the traced chains (sample mode). */
  | { type: 'trails'; on: boolean }
  /** Read the current model's parameters (answered by 'weights'). */
  | { type: 'getWeights'; requestId: number }
  /** Replace the model's parameters; the shapes must match (answered by 'weightsSet'). */
  | { type: 'setWeights'; requestId: number; weights: ModelWeights }
  /** Train an exact-ML reference model beside the run, from the same start (compare view). */
  | { type: 'compare'; on: boolean }
  /** Train mode: run the next phase of one iteration in slow motion (answered by 'slowPhase'). */
  | { type: 'slowStep' }
  | ComposeToWorker;

/** A model's parameters in variable order: each one's shape and row-major values. */
export interface ModelWeights {
  shapes: number[][];
  values: number[][];
}

/** Chains a probe click starts at one point; the traced chains are the first TRACE_CHAINS. */
export const PROBE_CHAINS = 16;
export const TRACE_CHAINS = 16;
/** Positions kept per traced chain. */
export const TRAIL_LENGTH = 50;
/** Rejected proposals of the traced chains stay visible for this many transitions. */
export const REJECT_AGE = 25;

/**
 * Recent history of the traced chains (sample mode), for drawing. All arrays are small and
 * transferred with the frame.
 */
export interface Trails {
  /** Traced chains T and the ring length L. */
  chains: number;
  length: number;
  /** [T, L, 2] positions, oldest first; NaN where a chain has fewer than L positions yet. */
  positions: Float32Array;
  /** Recently rejected proposals of the traced chains: [x, y, age] triples, age in steps. */
  rejected: Float32Array;
  /** HMC: the last leapfrog trajectory of chain 0, [x0, y0, …]; empty for other samplers. */
  leapfrog: Float32Array;
  /** Where the last probe started (data units), or null. */
  probe: [number, number] | null;
}

/**
 * Sample mode, a few times per second: steps since sampling (re)started, steps/s, and how far
 * the chains are from the data (sliced Wasserstein-1, data units; null without data).
 */
export interface SamplingProgress {
  type: 'sampling';
  generation: number;
  /** Increments each time sampling restarts from scratch (mode switch, sampler change…). */
  run: number;
  steps: number;
  stepsPerSec: number;
  sampler: string;
  distance: number | null;
}

export interface Frame {
  type: 'frame';
  generation: number;
  frameId: number;
  iteration: number;
  /** Chain positions [x0, y0, …]: the displayed samples. */
  samples: Float32Array;
  /** Energy E on the G×G grid of cell centres, row-major, j = 0 at y = box.min. */
  grid: Float32Array;
  gridSize: number;
  stats: FrameStats;
  /** Sample mode with trails on: the traced chains' recent paths; else absent or null. */
  trails?: Trails | null;
  /** A classifier model (JEM): its logits on the grid and the samples' classes. */
  classes?: ClassFrame | null;
  /** Energies (and class scores) at the data and outlier points, for OOD and accuracy. */
  scores?: PointScores | null;
  /** With a clamp: the exact p(free | clamped = value) of the energy shown; else absent. */
  conditional?: ConditionalLine | null;
}

/** What a test build's hook can ask the engine for ('test' messages; see testHooks.ts). */
export type TestAction = 'report' | 'nan' | 'throw' | 'fusedCheck' | 'loseContext' | 'hang';

/** Frame credits: ids sent and acked, and the most frames ever in flight at once. */
export interface FrameCredits {
  sent: number;
  acked: number;
  maxInFlight: number;
}

export interface EngineStatus {
  type: 'status';
  generation: number;
  iteration: number;
  playing: boolean;
  itersPerSec: number;
  framesPerSec: number;
  stats: FrameStats;
  credits: FrameCredits;
}

export type FromWorker =
  | {
      type: 'ready';
      backend: BackendName;
      reason: string;
      renderer: string | null;
      /** Threads the wasm backend computes on (null on the others). */
      threads: number | null;
      /** The path the engine runs and how it was chosen (worker/autotune.ts). */
      autotune?: AutotuneReport;
    }
  | Frame
  | SamplesFrame
  | EngineStatus
  /**
   * Training produced a non-finite or exploding value: parameters were rolled back, the
   * learning rate and step changed to `adjusted`, and the engine paused if it kept happening.
   */
  | {
      type: 'rollback';
      iteration: number;
      reason: string;
      adjusted: Partial<Settings>;
      paused: boolean;
    }
  | { type: 'notice'; message: string }
  /** The worker holds the Web Lock named in 'init' (the page may now wait on it). */
  | { type: 'lifeLock'; name: string }
  /** The engine cannot go on (an exception in its loop or handler): the page restarts it. */
  | { type: 'fatal'; message: string }
  /** Test builds only: reports of the test hooks (contract/testReports.ts). */
  | TestReports
  /** Something failed; with a requestId, that request could not be answered. */
  | { type: 'error'; message: string; requestId?: number }
  | {
      type: 'benchResult';
      requestId: number;
      backend: BackendName;
      results: Record<string, number>;
    }
  | SamplingProgress
  /** The parameters asked for by 'getWeights', with the settings of the model they belong to. */
  | { type: 'weights'; requestId: number; weights: ModelWeights; settings: Settings }
  /** The answer to 'setWeights': null when loaded, else why not (nothing changed). */
  | { type: 'weightsSet'; requestId: number; error: string | null }
  | ComposeFromWorker
  | MetricsMessage
  | SlowPhase
  | CompareFrame;

/**
 * Requests are answered by exactly one reply (or an 'error') that echoes their requestId, a
 * number the page never reuses: replies are matched by id, whatever order they arrive in.
 */
export type EngineRequest = Extract<ToWorker, { requestId: number }>;
export type EngineReply = Extract<FromWorker, { requestId: number }>;
export const REPLY_TO = {
  bench: 'benchResult',
  getWeights: 'weights',
  setWeights: 'weightsSet',
  setExperts: 'expertsSet',
  restore: 'restored',
} as const satisfies Record<EngineRequest['type'], EngineReply['type']>;
export type ReplyTo<T extends EngineRequest['type']> = Extract<
  EngineReply,
  { type: (typeof REPLY_TO)[T] }
>;

export function assertNever(x: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(x)}`);
}

/** The buffers to transfer with a message (so Float32Arrays move instead of being copied). */
export function transferables(msg: ToWorker | FromWorker): Transferable[] {
  switch (msg.type) {
    case 'frame':
      return [
        msg.samples.buffer,
        msg.grid.buffer,
        ...(msg.trails
          ? [msg.trails.positions.buffer, msg.trails.rejected.buffer, msg.trails.leapfrog.buffer]
          : []),
        ...(msg.classes ? [msg.classes.logits.buffer, msg.classes.sampleClass.buffer] : []),
        ...(msg.scores ? [msg.scores.dataEnergy.buffer, msg.scores.outlierEnergy.buffer] : []),
        ...(msg.conditional ? [msg.conditional.density.buffer] : []),
      ];
    case 'samples':
      return [msg.samples.buffer];
    case 'expertsSet':
      return msg.thumbs.map((t) => t.buffer);
    case 'restored':
      return [msg.path.buffer];
    case 'metrics':
      return [msg.dataKde.buffer, msg.modelDensity.buffer, msg.sampleKde.buffer];
    case 'compareFrame':
      return [msg.density.buffer];
    case 'init':
    case 'points':
      return [
        msg.points.buffer,
        ...(msg.labels ? [msg.labels.buffer] : []),
        ...(msg.outliers ? [msg.outliers.buffer] : []),
      ];
    case 'slowPhase':
      return slowPhaseBuffers(msg);
    default:
      return [];
  }
}
