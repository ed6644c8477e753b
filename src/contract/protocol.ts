// The one contract between the page and the engine worker. Each direction is a
// discriminated union; both sides switch over `type` exhaustively (assertNever).
// Per-frame arrays are Float32Arrays whose buffers are transferred, never cloned.
import type { PresetName } from './presets';
import type { MetricsMessage } from './metrics';
import type { Settings } from './settings';

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
      /** A Web Lock name the worker holds for its life: the page learns at once when it ends. */
      lifeLock?: string;
    }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  /** Re-initialise the model and chains; the points stay. */
  | { type: 'reset' }
  /** The full point set as [x0, y0, x1, y1, …] (transferred). */
  | { type: 'points'; points: Float32Array; preset?: PresetName }
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
  | { type: 'setWeights'; requestId: number; weights: ModelWeights };

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
}

/** What a test build's hook can ask the engine for ('test' messages; see testHooks.ts). */
export type TestAction = 'report' | 'nan' | 'throw' | 'loseContext' | 'hang';

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
  | { type: 'ready'; backend: BackendName; reason: string; renderer: string | null }
  | Frame
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
  /** Test builds only: the answer to a 'test' 'report' (tf.memory() and the iteration). */
  | {
      type: 'testReport';
      numTensors: number;
      numBytes: number;
      iteration: number;
      /** The model's parameters now, and the rollback snapshot's. */
      weights: number[][];
      snapshot: number[][];
      /** Adam's moments [m…, v…] now, and the snapshot's. */
      moments: number[][];
      snapshotMoments: number[][];
      backend: string;
      /** Compiled webgl shader programs (0 on other backends). */
      programs: number;
      /** Lost WebGL contexts recovered from in this worker. */
      recoveries: number;
    }
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
  | MetricsMessage;

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
      ];
    case 'metrics':
      return [msg.dataKde.buffer, msg.modelDensity.buffer, msg.sampleKde.buffer];
    case 'init':
    case 'points':
      return [msg.points.buffer];
    default:
      return [];
  }
}
