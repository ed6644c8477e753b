// Pointer Events (mouse, pen, touch) on the landscape:
//   point tool: click empty space → add; drag a point → move; Alt/right click → remove;
//   brush tool: spray points around the pointer while it is held;
//   restore tool: drop a noisy point that low-temperature Langevin carries to the data.
// Undo: a drag or a brush stroke is one step (the store's begin/endGesture); Escape during
// one puts everything back as it was before it. Nothing is editable while a classroom link
// hides point editing.
import { useRef, type PointerEvent, type RefObject } from 'react';
import { dropAndRestore } from '../state/composeBridge';
import { engine } from '../state/engine';
import { useApp } from '../state/store';
import { MAX_POINTS } from '../contract/view';
import { type Point } from '../state/schema';
import type { PlotScales } from '../viz/scatter';

export type Tool = 'point' | 'brush' | 'restore';
type Nearest = (points: Point[], px: number, py: number, s: PlotScales) => number | null;

const BRUSH_STD = 0.15; // data units
const BRUSH_PER_TICK = 3;
const BRUSH_MS = 40;

const clampCoord = (v: number) => Math.max(-3.99, Math.min(3.99, v));

export function usePointerEditing(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  scales: () => PlotScales,
  tool: Tool,
  nearest: Nearest,
) {
  const drag = useRef<number | null>(null);
  const brush = useRef<{ timer: number; x: number; y: number } | null>(null);

  const toData = (e: PointerEvent): { px: number; py: number; p: Point } => {
    const r = canvasRef.current!.getBoundingClientRect();
    const px = e.clientX - r.left;
    const py = e.clientY - r.top;
    const s = scales();
    return { px, py, p: { x: clampCoord(s.x.invert(px)), y: clampCoord(s.y.invert(py)) } };
  };

  const spray = () => {
    const b = brush.current;
    const app = useApp.getState();
    if (!b || app.points.length >= MAX_POINTS) return;
    const n = Math.min(BRUSH_PER_TICK, MAX_POINTS - app.points.length);
    const add = Array.from({ length: n }, () => {
      const a = 2 * Math.PI * Math.random();
      const r = BRUSH_STD * Math.sqrt(-2 * Math.log(1 - Math.random()));
      return { x: clampCoord(b.x + r * Math.cos(a)), y: clampCoord(b.y + r * Math.sin(a)) };
    });
    app.addPoints(add);
  };

  const escape = useRef<((e: KeyboardEvent) => void) | null>(null);

  /** Ends the drag or stroke; `cancel` undoes it instead of recording it. */
  const stop = (cancel = false) => {
    const active = drag.current !== null || brush.current !== null;
    drag.current = null;
    if (brush.current) window.clearInterval(brush.current.timer);
    brush.current = null;
    if (escape.current) window.removeEventListener('keydown', escape.current);
    escape.current = null;
    if (!active) return;
    const app = useApp.getState();
    if (cancel) app.cancelGesture();
    else app.endGesture();
  };

  /** Opens one undo step for the gesture; Escape cancels it. */
  const startGesture = () => {
    useApp.getState().beginGesture();
    escape.current = (e: KeyboardEvent) => {
      if (e.key === 'Escape') stop(true);
    };
    window.addEventListener('keydown', escape.current);
  };

  return {
    onPointerDown: (e: PointerEvent<HTMLCanvasElement>) => {
      const app = useApp.getState();
      if (tool === 'restore' && e.button === 0) {
        const { p } = toData(e);
        void dropAndRestore(p.x, p.y);
        return;
      }
      // Sample mode: a plain click starts a probe of chains there (points are not edited).
      if (app.settings.mode === 'sample' && e.button === 0 && !e.altKey) {
        engine.probe(toData(e).p.x, toData(e).p.y);
        return;
      }
      if (app.hidden.includes('points')) return;
      stop(); // a gesture left open (a lost pointerup) ends here
      const { px, py, p } = toData(e);
      const hit = nearest(app.points, px, py, scales());
      e.currentTarget.setPointerCapture(e.pointerId);
      e.currentTarget.focus({ preventScroll: true }); // keyboard shortcuts; never scroll under the pointer
      if (e.button === 2 || e.altKey) {
        if (hit !== null) app.removePoint(hit);
        return;
      }
      if (e.button !== 0) return;
      if (tool === 'brush') {
        startGesture();
        brush.current = { timer: window.setInterval(spray, BRUSH_MS), x: p.x, y: p.y };
        spray();
        return;
      }
      if (hit !== null) {
        app.select(hit);
        startGesture();
        drag.current = hit;
      } else if (app.points.length < MAX_POINTS) {
        app.addPoints([p]);
        app.select(app.points.length);
      } else {
        app.setNotice({ level: 'warn', text: `At most ${MAX_POINTS} points: remove some first.` });
      }
    },
    onPointerMove: (e: PointerEvent<HTMLCanvasElement>) => {
      if (drag.current === null && !brush.current) return;
      const { p } = toData(e);
      if (brush.current) {
        brush.current.x = p.x;
        brush.current.y = p.y;
      } else if (drag.current !== null) {
        useApp.getState().movePoint(drag.current, p);
      }
    },
    onPointerUp: () => stop(),
    onPointerCancel: () => stop(),
    onContextMenu: (e: React.MouseEvent) => e.preventDefault(),
  };
}
