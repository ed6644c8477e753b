// The one contract between the page and the engine worker. Each direction is a
// discriminated union; both sides switch over `type` exhaustively (assertNever).
// Per-frame arrays are Float32Arrays whose buffers are transferred, never cloned.
import type { Settings } from '../state/schema';

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
    }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  /** Re-initialise the model and chains; the points stay. */
  | { type: 'reset' }
  /** The full point set as [x0, y0, x1, y1, …] (transferred). */
  | { type: 'points'; points: Float32Array }
  | { type: 'settings'; settings: Settings }
  /** The page has drawn frame `frameId`: the engine may send more (≤ 2 in flight). */
  | { type: 'ack'; frameId: number }
  | { type: 'bench' };

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
}

export interface EngineStatus {
  type: 'status';
  generation: number;
  iteration: number;
  playing: boolean;
  itersPerSec: number;
  framesPerSec: number;
  stats: FrameStats;
}

export type FromWorker =
  | { type: 'ready'; backend: BackendName; reason: string; renderer: string | null }
  | Frame
  | EngineStatus
  /** Training produced a non-finite or exploding value: parameters were rolled back. */
  | { type: 'rollback'; iteration: number; reason: string }
  | { type: 'notice'; message: string }
  | { type: 'error'; message: string }
  | { type: 'benchResult'; backend: BackendName; results: Record<string, number> };

export function assertNever(x: never): never {
  throw new Error(`Unhandled message: ${JSON.stringify(x)}`);
}

/** The buffers to transfer with a message (so Float32Arrays move instead of being copied). */
export function transferables(msg: ToWorker | FromWorker): Transferable[] {
  switch (msg.type) {
    case 'frame':
      return [msg.samples.buffer, msg.grid.buffer];
    case 'init':
    case 'points':
      return [msg.points.buffer];
    default:
      return [];
  }
}
