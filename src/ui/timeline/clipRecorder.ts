// Clips for slides: the landscape recorded to WebM (MediaRecorder over canvas.captureStream),
// or, where the browser has no WebM encoder (MediaRecorder.isTypeSupported says no, e.g.
// Safari), a zip of PNG frames (fflate) with a note on turning them into a video.
//
// Both record a canvas of their own: every animation frame copies the landscape into it. So
// the clip runs at a steady rate even while the landscape is still (paused training draws
// nothing new), keeps one size if the window is resized mid-clip (an encoder cannot follow a
// resized source), and carries whatever the landscape shows — the live frame, or a timeline
// snapshot with its "iteration N" caption.
import { pngFrames } from './clipFrames';

let landscape: HTMLCanvasElement | null = null;

/** The landscape registers its canvas (Landscape.tsx). */
export function setLandscapeCanvas(canvas: HTMLCanvasElement | null): void {
  landscape = canvas;
}

export function landscapeCanvas(): HTMLCanvasElement | null {
  return landscape;
}

// VP8 first: its encoder costs a fraction of VP9's, which matters while the same CPU trains
// (a 720² VP9 clip slowed this machine's page noticeably); a heatmap needs no better codec.
const WEBM_TYPES = ['video/webm;codecs=vp8', 'video/webm;codecs=vp9', 'video/webm'];
const FPS = 30;
const MAX_SIDE = 720;

/** The WebM type this browser can record, or null (then clips are zips of PNG frames). */
export function webmType(): string | null {
  if (typeof MediaRecorder === 'undefined' || !MediaRecorder.isTypeSupported) return null;
  return WEBM_TYPES.find((t) => MediaRecorder.isTypeSupported(t)) ?? null;
}

export interface Clip {
  blob: Blob;
  ext: 'webm' | 'zip';
  seconds: number;
}

export interface Recording {
  kind: 'webm' | 'zip';
  startedAt: number;
  /** Stop and hand over the file. */
  stop(): Promise<Clip>;
}

/** A canvas that follows the landscape once per animation frame until `end()`. */
function mirror(): { canvas: HTMLCanvasElement; end: () => void } {
  if (!landscape) throw new Error('there is no landscape to record');
  const source = landscape;
  const side = Math.min(MAX_SIDE, source.width) & ~1; // encoders want even sizes
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = side;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('the browser gave no 2D canvas');
  let raf = 0;
  const copy = () => {
    raf = requestAnimationFrame(copy);
    ctx.drawImage(source, 0, 0, side, side);
  };
  copy();
  return { canvas, end: () => cancelAnimationFrame(raf) };
}

/** Start recording the landscape; `onLimit` is called if a zip reaches its frame cap. */
export function startRecording(onLimit: () => void): Recording {
  const type = webmType();
  const m = mirror();
  const startedAt = performance.now();
  const seconds = () => (performance.now() - startedAt) / 1000;
  if (!type) {
    const frames = pngFrames(m.canvas, onLimit);
    return {
      kind: 'zip',
      startedAt,
      stop: async () => {
        m.end();
        const blob = await frames.stop();
        return { blob, ext: 'zip', seconds: seconds() };
      },
    };
  }
  const stream = m.canvas.captureStream(FPS);
  const recorder = new MediaRecorder(stream, { mimeType: type, videoBitsPerSecond: 6e6 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  };
  recorder.start(500);
  return {
    kind: 'webm',
    startedAt,
    stop: () =>
      new Promise<Clip>((resolve, reject) => {
        recorder.onstop = () => {
          m.end();
          stream.getTracks().forEach((t) => t.stop());
          const blob = new Blob(chunks, { type: 'video/webm' });
          if (blob.size === 0) reject(new Error('the browser recorded nothing'));
          else resolve({ blob, ext: 'webm', seconds: seconds() });
        };
        recorder.onerror = () => reject(new Error('the browser could not record the clip'));
        recorder.stop();
      }),
  };
}
