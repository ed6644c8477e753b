// The landscape surface: one canvas drawn in requestAnimationFrame from the latest frame
// (never through React state), Pointer Events for editing the data points with mouse, pen or
// touch, and keys for editing them without a pointer (useKeyboardEditing.ts). Under reduced
// motion new frames are drawn at most 4 times a second and the moving trails are left out.
import { LIVE_SUMMARY_ID, LiveSummary } from './LiveSummary';
import { useEffect, useRef, useState } from 'react';
import { engine } from '../state/engine';
import { frames } from '../state/frameHolder';
import { useApp } from '../state/store';
import { shownFrame, useTimeline } from '../state/timeline';
import { nearestPoint } from '../viz/hitTest';
import { LandscapeRenderer } from '../viz/landscapeRenderer';
import { drawTimelineBadge } from '../viz/timelineBadge';
import { Axes } from './Axes';
import { setLandscapeCanvas } from './timeline/clipRecorder';
import { drawRecoveryOverlay } from '../viz/recoveryOverlay';
import { AxisClamp } from './compose/AxisClamp';
import { ConditionalStrip, STRIP } from './compose/ConditionalStrip';
import { drawStats } from './drawLoop';
import { oodRows } from './jem/hoverRows';
import { classViewFor, onClassViewChange } from './jem/landscapeClasses';
import { HoverReadout } from './HoverReadout';
import { useLessonView } from './lessons/lessonView';
import { plotSideLimit } from './plotSide';
import { drawExtras, subscribeExtras } from './landscapeExtras';
import { usePredict } from './predict/predictState';
import { useSketchPointer } from './predict/useSketchPointer';
import { usePointerEditing, type Tool } from './usePointerEditing';
import { useKeyboardEditing } from './useKeyboardEditing';
import { isDark, isReducedMotion, usePrefs, type PrefsState } from '../state/prefs';
import type { Look } from '../viz/landscapeRenderer';

/** Under reduced motion, the least time between two redraws for new frames. */
const CALM_FRAME_MS = 250;

const lookOf = (p: PrefsState): Look => ({
  palette: p.palette,
  background: isDark(p) ? '#1e293b' : '#f1f5f9',
  trails: !isReducedMotion(p),
});

const BOX = { min: -4, max: 4 };
const KEY_HELP_ID = 'landscape-keys';

export function Landscape({
  tool,
  layers,
}: {
  tool: Tool;
  layers: import('../viz/landscapeRenderer').Layers;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState(560);
  const renderer = useRef(new LandscapeRenderer(BOX));
  const layersRef = useRef(layers);
  const sampling = useApp((a) => a.settings.mode === 'sample');
  const sketching = usePredict((p) => p.sketching);
  const crosshair = useRef({ x: 0, y: 0 });
  const focused = useRef(false);
  const redraw = useRef(() => {});
  const clampAxis = useApp((a) => a.clamp?.axis ?? null);
  const presenting = useLessonView((v) => v.open && (v.present || v.embed));
  useEffect(() => {
    layersRef.current = layers;
  }, [layers]);

  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    // Width-bound, and no taller than plotSide.ts allows.
    const fit = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      const h = plotSideLimit(window.innerHeight, presenting);
      // A clamped x puts its conditional strip beside the plot, a clamped y under it.
      const axis = useApp.getState().clamp?.axis;
      const side = axis === 0 ? STRIP + 8 : 0;
      const below = axis === 1 ? STRIP + 8 : 0;
      // The grid's stage column (app.css `main`) ends where the widest plot this height
      // allows would: one number, set here, instead of the same formula again in CSS.
      el.closest('main')?.style.setProperty('--stage-max', `${h - below + 40 + side}px`);
      setSize(Math.max(240, Math.min(w - 40 - side, h - below)));
    };
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    window.addEventListener('resize', fit);
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', fit);
    };
  }, [clampAxis, presenting]);

  // The draw loop: redraw when a new frame arrived or the points/selection changed.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    setLandscapeCanvas(canvas);
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size * dpr);
    canvas.height = Math.round(size * dpr);
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    let drawnVersion = -1;
    let drawnAt = -Infinity;
    let drawnGrid: Float32Array | undefined;
    let dirty = true;
    let raf = 0;
    let calm = isReducedMotion(usePrefs.getState());
    redraw.current = () => (dirty = true);
    const unsubPrefs = usePrefs.subscribe((p) => {
      renderer.current.look = lookOf(p);
      calm = isReducedMotion(p);
      dirty = true;
    });
    renderer.current.look = lookOf(usePrefs.getState());
    const unsub = useApp.subscribe((s, p) => {
      if (s.points !== p.points || s.selected !== p.selected || s.settings.beta !== p.settings.beta)
        dirty = true;
      if (s.view.density !== p.view.density) dirty = true;
      if (s.metrics.latest?.densityScale !== p.metrics.latest?.densityScale) dirty = true;
      if (s.clamp !== p.clamp || s.restorePath !== p.restorePath) dirty = true;
    });
    // The timeline: a scrubbed snapshot is drawn instead of the live frame (which is still acked).
    const unsubTimeline = useTimeline.subscribe(() => (dirty = true));
    const unsubClasses = onClassViewChange(() => (dirty = true));
    const unsubExtras = subscribeExtras(() => (dirty = true));
    const loop = (now: number) => {
      raf = requestAnimationFrame(loop);
      const fresh = frames.version !== drawnVersion && (!calm || now - drawnAt >= CALM_FRAME_MS);
      if (!fresh && !dirty && !layersChanged()) return;
      const { points, selected, settings, view, metrics, clamp, restorePath } = useApp.getState();
      renderer.current.colouring = {
        mode: view.density,
        densityScale: metrics.latest?.densityScale ?? 0.5,
      };
      // The frame on screen: the live one, or a scrubbed timeline snapshot (drawn whole: its
      // class view, threshold contour and overlays too, so nothing live leaks into it).
      const frame = shownFrame();
      renderer.current.classes.view = classViewFor(frame);
      renderer.current.draw(
        ctx,
        size,
        frame,
        settings.beta,
        points,
        selected,
        layersRef.current,
        focused.current ? crosshair.current : null,
      );
      const { scrubbed, replaying } = useTimeline.getState();
      if (scrubbed)
        drawTimelineBadge(
          ctx,
          size,
          scrubbed.iteration,
          replaying ? null : 'scrubbing, release to return to live',
        );
      drawExtras(ctx, renderer.current.scales(size), frame, points);
      canvas.dataset.trailSegments = String(renderer.current.trailSegments);
      drawRecoveryOverlay(ctx, size, renderer.current.scales(size), clamp, restorePath);
      dirty = false;
      if (frames.version !== drawnVersion) {
        drawnVersion = frames.version;
        drawnAt = now;
        if (frames.latest) engine.ack(frames.latest.frameId);
        drawStats.tick(now, frames.latest?.grid !== drawnGrid);
        drawnGrid = frames.latest?.grid;
      }
    };
    let lastLayers = layersRef.current;
    const layersChanged = () => {
      const changed = lastLayers !== layersRef.current;
      lastLayers = layersRef.current;
      return changed;
    };
    raf = requestAnimationFrame(loop);
    return () => {
      cancelAnimationFrame(raf);
      unsub();
      unsubTimeline();
      unsubClasses();
      unsubExtras();
      unsubPrefs();
    };
  }, [size]);

  const handlers = usePointerEditing(
    canvasRef,
    () => renderer.current.scales(size),
    tool,
    nearestPoint,
  );
  const sketch = useSketchPointer(canvasRef, () => renderer.current.scales(size));
  const keys = useKeyboardEditing(crosshair, (on) => {
    focused.current = on;
    redraw.current();
  });

  return (
    <div className="landscape-wrap" ref={wrapRef}>
      <div
        className="landscape"
        style={{
          width: size + 36 + (clampAxis === 0 ? STRIP + 8 : 0),
          height: size + 28 + (clampAxis === 1 ? STRIP + 8 : 0),
        }}
      >
        <canvas
          ref={canvasRef}
          data-testid="landscape"
          aria-describedby={`${KEY_HELP_ID} ${LIVE_SUMMARY_ID}`}
          aria-label={
            sampling
              ? 'Energy landscape (sample mode): click to start 16 chains at that point'
              : 'Energy landscape: click to add a data point, drag to move one, Alt-click or right-click to remove'
          }
          role="application"
          tabIndex={0}
          style={{
            width: size,
            height: size,
            left: 36,
            top: 0,
            cursor: tool !== 'point' || sampling || sketching ? 'crosshair' : 'default',
          }}
          {...(sketching ? sketch : handlers)}
          {...keys}
          onKeyDown={(e) => {
            keys.onKeyDown(e);
            redraw.current();
          }}
        />
        <Axes size={size} box={BOX} left={36} />
        <HoverReadout canvasRef={canvasRef} size={size} box={BOX} left={36} extraRows={oodRows} />
        <AxisClamp size={size} left={36} box={BOX} />
        {clampAxis !== null && <ConditionalStrip size={size} left={36} axis={clampAxis} />}
      </div>
      <p id={KEY_HELP_ID} className="key-help">
        {sampling
          ? 'Keys: arrows move the crosshair (Shift: bigger steps), Enter starts chains there.'
          : 'Keys: arrows move the crosshair (Shift: bigger steps), Enter adds a point, Tab / Shift-Tab select a point, arrows nudge it, Delete removes it, Escape deselects. Touch: tap adds, drag moves, long-press removes.'}
      </p>
      <LiveSummary />
    </div>
  );
}
