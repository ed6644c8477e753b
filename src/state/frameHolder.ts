// Per-frame data bypasses React: the engine bridge drops the newest frame (and the newest
// density grids) here, and the canvases read them in requestAnimationFrame. Anything of an
// older generation (a reset happened since) is dropped. A samples frame (chains only, between
// the worker's grid refreshes) is merged into the newest full frame of its generation: the
// grid, scores and classes stay, the samples, iteration and frame id are the new ones; the
// grid array is the same object, so renderers can tell a new grid from new samples.
import type { CompareFrame, Frame, MetricsMessage, SamplesFrame } from '../contract/protocol';

type Listener = () => void;

class LatestHolder<T extends { generation: number }> {
  latest: T | null = null;
  /** Increments with every accepted value, so a renderer can tell what it has drawn. */
  version = 0;
  private generation = 0;
  private listeners = new Set<Listener>();

  setGeneration(g: number): void {
    this.generation = Math.max(this.generation, g);
  }

  /** A new worker counts generations from 1 again: accept them (the last value stays shown). */
  restart(): void {
    this.generation = 0;
  }

  offer(value: T): boolean {
    if (value.generation < this.generation) return false;
    this.generation = value.generation;
    this.latest = value;
    this.version++;
    this.listeners.forEach((l) => l());
    return true;
  }

  /** Called when a value arrives (renderers schedule a rAF; nothing is drawn here). */
  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

/** The newest frame: energy grid, samples, trails. */
export const frames = new LatestHolder<Frame>();

/** Offer a frame of either kind; false when it will never be drawn (the caller acks it). */
export function offerFrame(msg: Frame | SamplesFrame): boolean {
  if (msg.type === 'frame') return frames.offer(msg);
  const base = frames.latest;
  // No full frame of this run yet (none can be drawn without its grid): dropped.
  if (!base || base.generation !== msg.generation) return false;
  const { frameId, iteration, samples } = msg;
  return frames.offer({ ...base, frameId, iteration, samples });
}

/** The newest comparison grids (G×G densities of the data, the model and the samples). */
export type DensityGrids = Pick<
  MetricsMessage,
  'generation' | 'iteration' | 'gridSize' | 'dataKde' | 'modelDensity' | 'sampleKde'
>;
export const densityGrids = new LatestHolder<DensityGrids>();

/** The newest exact-ML reference grid of the compare view (worker/compare.ts). */
export const compareGrids = new LatestHolder<CompareFrame>();
