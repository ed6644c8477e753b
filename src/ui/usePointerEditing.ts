// Pointer Events (mouse, pen, touch) on the landscape:
//   point tool: click empty space → add; drag a point → move; Alt/right click → remove;
//   brush tool: spray points around the pointer while it is held;
//   restore tool: drop a noisy point that low-temperature Langevin carries to the data.
//   outlier tool: click empty space → add an outlier; click a point → toggle data ↔ outlier.
// New data points get the class picked in the toolbar (keys 1–5; ui/jem/ClassPicker.tsx).
// Touch and pen: a tap adds, a drag moves, and a long press on a point removes it: held
// LONG_PRESS_MS without moving more than SLOP_PX arms it (a buzz and "release to remove"),
// and the release removes it. Deciding at the release, not when the timer fires, means a drag
// whose first moves were late (a busy page) is never taken for a long press: its moves
// arrive before its release and disarm it. A finger hits a point from further away.
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
import { useJemView } from './jem/jemView';
import { announce, coords } from './announce';

export type Tool = 'point' | 'brush' | 'outlier' | 'restore';

/** A new data point in the picked class (explicit class and role, so files carry both). */
const dataPoint = (x: number, y: number): Point => ({
  x,
  y,
  label: useJemView.getState().editClass,
  role: 'data',
});
type Nearest = (
  points: Point[],
  px: number,
  py: number,
  s: PlotScales,
  radiusPx?: number,
) => number | null;

const BRUSH_STD = 0.15; // data units
const BRUSH_PER_TICK = 3;
const BRUSH_MS = 40;
export const LONG_PRESS_MS = 500;
const SLOP_PX = 8;
const TOUCH_RADIUS_PX = 18;

const clampCoord = (v: number) => Math.max(-3.99, Math.min(3.99, v));

export function usePointerEditing(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  scales: () => PlotScales,
  tool: Tool,
  nearest: Nearest,
) {
  const drag = useRef<number | null>(null);
  const brush = useRef<{ timer: number; x: number; y: number } | null>(null);
  const press = useRef<{
    timer: number;
    x: number;
    y: number;
    point: number;
    armed: boolean;
  } | null>(null);

  const endPress = () => {
    if (press.current) window.clearTimeout(press.current.timer);
    press.current = null;
  };

  /** A touch held still on a point and released: the drag so far is undone, the point removed. */
  const longPress = (i: number) => {
    stop(true);
    const app = useApp.getState();
    const p = app.points[i];
    if (!p) return;
    app.removePoint(i);
    announce(`Point removed at ${coords(p.x, p.y)}; ${app.points.length - 1} points`);
  };

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
      return dataPoint(clampCoord(b.x + r * Math.cos(a)), clampCoord(b.y + r * Math.sin(a)));
    });
    app.addPoints(add);
  };

  const escape = useRef<((e: KeyboardEvent) => void) | null>(null);

  /** Ends the drag or stroke; `cancel` undoes it instead of recording it. */
  const stop = (cancel = false) => {
    endPress();
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
      const touch = e.pointerType === 'touch' || e.pointerType === 'pen';
      const hit = nearest(app.points, px, py, scales(), touch ? TOUCH_RADIUS_PX : undefined);
      e.currentTarget.setPointerCapture(e.pointerId);
      e.currentTarget.focus({ preventScroll: true }); // keyboard shortcuts; never scroll under the pointer
      if (e.button === 2 || e.altKey) {
        if (hit !== null) app.removePoint(hit);
        return;
      }
      if (e.button !== 0) return;
      if (tool === 'outlier') {
        if (hit !== null) {
          const q = app.points[hit];
          app.movePoint(hit, { ...q, role: q.role === 'outlier' ? 'data' : 'outlier' });
        } else if (app.points.length < MAX_POINTS) app.addPoints([{ ...p, role: 'outlier' }]);
        return;
      }
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
        if (touch) {
          const timer = window.setTimeout(() => {
            if (!press.current) return;
            press.current.armed = true;
            navigator.vibrate?.(30);
            announce('Release to remove the point');
          }, LONG_PRESS_MS);
          press.current = { timer, x: e.clientX, y: e.clientY, point: hit, armed: false };
        }
      } else if (app.points.length < MAX_POINTS) {
        app.addPoints([dataPoint(p.x, p.y)]);
        app.select(app.points.length);
      } else {
        app.setNotice({ level: 'warn', text: `At most ${MAX_POINTS} points: remove some first.` });
      }
    },
    onPointerMove: (e: PointerEvent<HTMLCanvasElement>) => {
      if (drag.current === null && !brush.current) return;
      const held = press.current;
      if (held && Math.hypot(e.clientX - held.x, e.clientY - held.y) > SLOP_PX) endPress();
      const { p } = toData(e);
      if (brush.current) {
        brush.current.x = p.x;
        brush.current.y = p.y;
      } else if (drag.current !== null) {
        const app = useApp.getState();
        const old = app.points[drag.current];
        app.movePoint(drag.current, old ? { ...old, x: p.x, y: p.y } : p);
      }
    },
    onPointerUp: () => {
      const held = press.current;
      if (held?.armed) longPress(held.point);
      else stop();
    },
    onPointerCancel: () => stop(),
    onContextMenu: (e: React.MouseEvent) => e.preventDefault(),
  };
}
