// While the student sketches a prediction, the landscape's pointer paints the sketch mask
// (a round brush, src/viz/sketch.ts) instead of editing the data points.
import { useRef, type PointerEvent, type RefObject } from 'react';
import { paintSketch } from '../../viz/sketch';
import type { PlotScales } from '../../viz/scatter';
import { usePredict } from './predictState';

export function useSketchPointer(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  scales: () => PlotScales,
) {
  const down = useRef(false);
  const paint = (e: PointerEvent<HTMLCanvasElement>) => {
    const r = canvasRef.current!.getBoundingClientRect();
    const s = scales();
    const [lo, hi] = s.x.domain();
    const x = s.x.invert(e.clientX - r.left);
    const y = s.y.invert(e.clientY - r.top);
    const st = usePredict.getState();
    if (paintSketch(st.mask, { min: lo, max: hi }, x, y)) st.touched();
  };
  return {
    onPointerDown: (e: PointerEvent<HTMLCanvasElement>) => {
      if (e.button !== 0) return;
      down.current = true;
      e.currentTarget.setPointerCapture?.(e.pointerId);
      paint(e);
    },
    onPointerMove: (e: PointerEvent<HTMLCanvasElement>) => {
      if (down.current) paint(e);
    },
    onPointerUp: () => void (down.current = false),
    onPointerCancel: () => void (down.current = false),
    onContextMenu: (e: PointerEvent<HTMLCanvasElement>) => e.preventDefault(),
  };
}
