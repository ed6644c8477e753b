// The landscape surface: one canvas drawn in requestAnimationFrame from the latest frame
// (never through React state), and Pointer Events for editing the data points.
import { LIVE_SUMMARY_ID, LiveSummary } from './LiveSummary';
import { useEffect, useRef, useState } from 'react';
import { engine } from '../state/engine';
import { frames } from '../state/frameHolder';
import { useApp } from '../state/store';
import { nearestPoint } from '../viz/hitTest';
import { LandscapeRenderer } from '../viz/landscapeRenderer';
import { drawRecoveryOverlay } from '../viz/recoveryOverlay';
import { Axes } from './Axes';
import { AxisClamp } from './compose/AxisClamp';
import { ConditionalStrip, STRIP } from './compose/ConditionalStrip';
import { drawStats } from './drawLoop';
import { usePointerEditing, type Tool } from './usePointerEditing';

const BOX = { min: -4, max: 4 };

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
  const clampAxis = useApp((a) => a.clamp?.axis ?? null);
  useEffect(() => {
    layersRef.current = layers;
  }, [layers]);

  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    // Width-bound, and short enough that the colour key and view switch under the plot stay
    // on screen (at 1280 × 900 the plot is 650 px).
    const fit = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      const h = Math.max(480, window.innerHeight - 250);
      // A clamped x puts its conditional strip beside the plot, a clamped y under it.
      const axis = useApp.getState().clamp?.axis;
      const side = axis === 0 ? STRIP + 8 : 0;
      const below = axis === 1 ? STRIP + 8 : 0;
      setSize(Math.max(240, Math.min(720, w - 40 - side, h - below)));
    };
    const ro = new ResizeObserver(fit);
    ro.observe(el);
    window.addEventListener('resize', fit);
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', fit);
    };
  }, [clampAxis]);

  // The draw loop: redraw when a new frame arrived or the points/selection changed.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size * dpr);
    canvas.height = Math.round(size * dpr);
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    let drawnVersion = -1;
    let dirty = true;
    let raf = 0;
    const unsub = useApp.subscribe((s, p) => {
      if (s.points !== p.points || s.selected !== p.selected || s.settings.beta !== p.settings.beta)
        dirty = true;
      if (s.view.density !== p.view.density) dirty = true;
      if (s.metrics.latest?.densityScale !== p.metrics.latest?.densityScale) dirty = true;
      if (s.clamp !== p.clamp || s.restorePath !== p.restorePath) dirty = true;
    });
    const loop = (now: number) => {
      raf = requestAnimationFrame(loop);
      if (frames.version === drawnVersion && !dirty && !layersChanged()) return;
      const { points, selected, settings, view, metrics, clamp, restorePath } = useApp.getState();
      renderer.current.colouring = {
        mode: view.density,
        densityScale: metrics.latest?.densityScale ?? 0.5,
      };
      renderer.current.draw(
        ctx,
        size,
        frames.latest,
        settings.beta,
        points,
        selected,
        layersRef.current,
      );
      drawRecoveryOverlay(ctx, size, renderer.current.scales(size), clamp, restorePath);
      dirty = false;
      if (frames.version !== drawnVersion) {
        drawnVersion = frames.version;
        if (frames.latest) engine.ack(frames.latest.frameId);
        drawStats.tick(now);
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
    };
  }, [size]);

  const handlers = usePointerEditing(
    canvasRef,
    () => renderer.current.scales(size),
    tool,
    nearestPoint,
  );

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
          aria-describedby={LIVE_SUMMARY_ID}
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
            cursor: tool !== 'point' || sampling ? 'crosshair' : 'default',
          }}
          {...handlers}
        />
        <Axes size={size} box={BOX} left={36} />
        <AxisClamp size={size} left={36} box={BOX} />
        {clampAxis !== null && <ConditionalStrip size={size} left={36} axis={clampAxis} />}
      </div>
      <LiveSummary />
    </div>
  );
}
