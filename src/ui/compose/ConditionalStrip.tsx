// Beside the landscape while a coordinate is clamped: the exact p(free | clamped = c) from
// the engine's grid line (the curve) and the chains' histogram of the free coordinate (the
// bars), gathered over frames after a short burn-in, with their total-variation distance.
// Drawn in requestAnimationFrame from the frame holder, never through React state; the
// read-out text is written straight into its element for the same reason.
import { useEffect, useRef } from 'react';
import { frames } from '../../state/frameHolder';
import { useApp } from '../../state/store';
import { ConditionalHistogram, histogramKey } from '../../viz/conditional';
import { drawConditional } from '../../viz/conditionalChart';

/** The strip's thickness (px). */
export const STRIP = 110;
/** Histogram bins over the box. */
export const BINS = 32;
/** Transitions of a run left out of the histogram (the chains start uniform on the line). */
export const BURN_IN = 200;

const BOX = { min: -4, max: 4 };

export function ConditionalStrip({
  size,
  left,
  axis,
}: {
  size: number;
  left: number;
  axis: 0 | 1;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const vertical = axis === 0;
  const w = vertical ? STRIP : size;
  const h = vertical ? size : STRIP;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const hist = new ConditionalHistogram(BINS, BOX);
    let seen = -1;
    let raf = 0;
    const loop = () => {
      raf = requestAnimationFrame(loop);
      if (frames.version === seen) return;
      seen = frames.version;
      const f = frames.latest;
      const line = f?.conditional;
      if (!f || !line) return;
      const { sampling } = useApp.getState();
      hist.keyed(histogramKey(line, sampling.run, f.generation));
      if (sampling.steps >= BURN_IN) hist.add(f.samples, line.axis);
      drawConditional(ctx, vertical ? h : w, vertical ? w : h, line, hist.counts, hist.total, BOX);
      const tv = hist.distance(line);
      const el = textRef.current;
      if (el) {
        const [free, held] = line.axis === 0 ? ['y', 'x'] : ['x', 'y'];
        el.dataset.tv = Number.isFinite(tv) ? tv.toFixed(4) : '';
        el.dataset.n = String(hist.total);
        el.textContent =
          `p(${free} | ${held} = ${line.value.toFixed(2)}): line exact, bars chains. ` +
          (Number.isFinite(tv)
            ? `TV ${tv.toFixed(3)} over ${hist.total.toLocaleString('en')} samples`
            : 'Burning in…');
      }
    };
    raf = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(raf);
  }, [w, h, vertical]);

  const style = vertical
    ? { left: left + size + 8, top: 0, width: w, height: h }
    : { left, top: size + 28 + 8, width: w, height: h };
  return (
    <>
      <canvas
        ref={canvasRef}
        className="cond-strip"
        style={style}
        role="img"
        aria-label="Exact conditional density (curve) and the clamped chains' histogram (bars)"
      />
      <div
        ref={textRef}
        className={`cond-readout ${vertical ? 'beside' : 'below'}`}
        data-testid="conditional-tv"
        aria-live="off"
        style={
          vertical
            ? { left: left + size + 8, top: size + 2, width: STRIP + 40 }
            : { left: left + 4, top: size + 28 + 10 }
        }
      />
    </>
  );
}
