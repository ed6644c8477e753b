// A samples frame: the chain positions alone, posted between the dearer grid frames (issue 13,
// "smooth frames"). The worker posts one after each training chunk (~30 ms) and a full 'frame'
// (128² energy grid, scores, classes) only when its own, slower period has passed; the page
// keeps the last full frame's grid and overlays the newest samples (state/frameHolder.ts).
// It is a frame for the credits: it has an id from the same sequence, counts as in flight and
// is acked like any frame, so at most MAX_IN_FLIGHT of either kind are ever undrawn. The
// trainer's stats go out with the status, as before.
export interface SamplesFrame {
  type: 'samples';
  generation: number;
  frameId: number;
  iteration: number;
  /** Chain positions [x0, y0, …], finite (checked in the worker before posting). */
  samples: Float32Array;
}
