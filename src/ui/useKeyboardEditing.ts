// Keyboard point editing on the focused landscape (WAI-ARIA "application" role):
//   arrows         move the crosshair (0.1 data units; Shift: 0.5), or nudge the selected point
//   Enter          add a point at the crosshair (sample mode: start chains there)
//   Tab/Shift-Tab  select the next/previous point (Shift-Tab first: the newest point);
//                  past either end the selection drops and focus leaves the landscape
//   Delete/Back    remove the selected point
//   Escape         drop the selection; the next Tab then leaves the landscape (no trap)
// Undo: each add and delete is a step; a run of nudges of one point is one step, like a mouse
// drag (the store's begin/endGesture): it ends after a pause of COALESCE_MS (as slider runs do),
// on any other key, or when the landscape loses focus. The keys are handled here, on the canvas,
// and marked handled (preventDefault), so the page-wide shortcuts leave them alone.
import { useRef, type KeyboardEvent, type RefObject } from 'react';
import { MAX_POINTS } from '../contract/view';
import { engine } from '../state/engine';
import { COALESCE_MS } from '../state/slices/document';
import { useApp } from '../state/store';
import { announce, coords } from './announce';

const STEP = 0.1;
const BIG_STEP = 0.5;
const LIMIT = 3.99;
const QUIET_MS = 400;

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

/** Clamped to the box and rounded to 1e-6, so ten 0.1-steps land on 1 exactly. */
const snap = (v: number) => Math.round(Math.max(-LIMIT, Math.min(LIMIT, v)) * 1e6) / 1e6;

export function useKeyboardEditing(
  crosshairRef: RefObject<{ x: number; y: number }>,
  setFocused: (on: boolean) => void,
) {
  const nudging = useRef(false);
  const escaped = useRef(false);
  const pause = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const endNudge = () => {
    clearTimeout(pause.current);
    if (!nudging.current) return;
    nudging.current = false;
    useApp.getState().endGesture();
  };

  const arrow = (e: KeyboardEvent, [dx, dy]: [number, number]) => {
    e.preventDefault();
    const app = useApp.getState();
    const d = e.shiftKey ? BIG_STEP : STEP;
    const i = app.selected;
    const p = i === null ? undefined : app.points[i];
    if (i !== null && p && !app.hidden.includes('points') && app.settings.mode !== 'sample') {
      clearTimeout(pause.current);
      if (!nudging.current) {
        app.beginGesture();
        nudging.current = true;
      }
      const q = { ...p, x: snap(p.x + dx * d), y: snap(p.y + dy * d) };
      app.movePoint(i, q);
      crosshairRef.current = { x: q.x, y: q.y };
      announce(`Point ${i + 1} moved to ${coords(q.x, q.y)}`, QUIET_MS);
    } else {
      const c = crosshairRef.current;
      crosshairRef.current = { x: snap(c.x + dx * d), y: snap(c.y + dy * d) };
      announce(`Crosshair at ${coords(crosshairRef.current.x, crosshairRef.current.y)}`, QUIET_MS);
    }
  };

  const enter = (e: KeyboardEvent) => {
    e.preventDefault();
    const app = useApp.getState();
    const { x, y } = crosshairRef.current;
    if (app.settings.mode === 'sample') {
      engine.probe(x, y);
      announce(`Chains started at ${coords(x, y)}`);
    } else if (app.hidden.includes('points')) {
      announce('Point editing is turned off on this page');
    } else if (app.points.length >= MAX_POINTS) {
      announce(`At most ${MAX_POINTS} points: remove some first`);
    } else {
      app.addPoints([{ x, y }]);
      announce(`Point added at ${coords(x, y)}; ${app.points.length + 1} points`);
    }
  };

  const tab = (e: KeyboardEvent) => {
    const app = useApp.getState();
    const n = app.points.length;
    if (n === 0 || app.hidden.includes('points')) return; // focus moves on
    if (escaped.current && app.selected === null) return;
    endNudge();
    const step = e.shiftKey ? -1 : 1;
    const next = app.selected === null ? (e.shiftKey ? n - 1 : 0) : app.selected + step;
    if (next < 0 || next >= n) {
      app.select(null);
      announce('No point selected');
      return; // past the ends, Tab leaves the landscape as usual
    }
    e.preventDefault();
    app.select(next);
    const p = app.points[next];
    crosshairRef.current = { x: p.x, y: p.y };
    announce(`Point ${next + 1} of ${n} selected, at ${coords(p.x, p.y)}`);
  };

  const remove = (e: KeyboardEvent) => {
    const app = useApp.getState();
    if (app.selected === null || app.hidden.includes('points')) return;
    e.preventDefault();
    endNudge();
    const i = app.selected;
    app.removePoint(i);
    announce(`Point ${i + 1} removed; ${app.points.length - 1} points`);
  };

  return {
    onKeyDown: (e: KeyboardEvent<HTMLCanvasElement>) => {
      const dir = ARROWS[e.key];
      if (!dir) endNudge(); // Ctrl+Z included: the run so far is one step before it undoes
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key !== 'Tab' && e.key !== 'Escape') escaped.current = false;
      if (dir) arrow(e, dir);
      else if (e.key === 'Enter') enter(e);
      else if (e.key === 'Tab') tab(e);
      else if (e.key === 'Delete' || e.key === 'Backspace') remove(e);
      else if (e.key === 'Escape' && useApp.getState().selected !== null) {
        endNudge();
        useApp.getState().select(null);
        escaped.current = true;
        announce('No point selected; Tab leaves the landscape');
      }
    },
    onKeyUp: (e: KeyboardEvent<HTMLCanvasElement>) => {
      if (ARROWS[e.key] && nudging.current) {
        clearTimeout(pause.current);
        pause.current = setTimeout(endNudge, COALESCE_MS);
      }
    },
    onFocus: () => setFocused(true),
    onBlur: () => {
      endNudge();
      escaped.current = false;
      setFocused(false);
    },
  };
}
