// Per-frame data bypasses React: the engine client drops the newest frame here and the
// canvases read it in requestAnimationFrame. Frames of an older generation (a reset
// happened since) are dropped.
import type { Frame } from '../contract/protocol';

type Listener = () => void;

class FrameHolder {
  frame: Frame | null = null;
  /** Increments with every accepted frame, so a renderer can tell what it has drawn. */
  version = 0;
  private generation = 0;
  private listeners = new Set<Listener>();

  setGeneration(g: number): void {
    this.generation = Math.max(this.generation, g);
  }

  offer(frame: Frame): boolean {
    if (frame.generation < this.generation) return false;
    this.generation = frame.generation;
    this.frame = frame;
    this.version++;
    this.listeners.forEach((l) => l());
    return true;
  }

  /** Called when a frame arrives (renderers schedule a rAF; nothing is drawn here). */
  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}

export const frames = new FrameHolder();
