// Figures for slides: the landscape as SVG (heatmap embedded, the rest as vectors) and as a
// PNG at twice the on-screen resolution. Both are drawn afresh from the latest frame by a
// renderer of their own, with the page's current view (colouring, β, layers).
import { BOX } from '../contract/box';
import { frames } from '../state/frameHolder';
import { usePrefs } from '../state/prefs';
import { useApp } from '../state/store';
import { LandscapeRenderer, type Layers } from '../viz/landscapeRenderer';
import { landscapeSvg } from '../viz/landscapeSvg';
import { datedName, downloadBlob, downloadText } from './exportJson';

const SVG_SIZE = 512;
const PNG_SIZE = 1024; // twice the largest on-screen landscape

function renderer(): LandscapeRenderer {
  const s = useApp.getState();
  const r = new LandscapeRenderer(BOX);
  r.colouring = { mode: s.view.density, densityScale: s.metrics.latest?.densityScale ?? 0.5 };
  r.look = { ...r.look, palette: usePrefs.getState().palette }; // figures keep the light background
  return r;
}

function canvasOf(size: number, layers: Layers): HTMLCanvasElement {
  const s = useApp.getState();
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('the browser gave no 2D canvas');
  renderer().draw(ctx, size, frames.latest, s.settings.beta, s.points, null, layers);
  return canvas;
}

/** The SVG figure as text (the download and the tests use it). */
export function landscapeSvgText(): string {
  const s = useApp.getState();
  const frame = frames.latest;
  const show = s.view.show;
  const heatmap = frame
    ? canvasOf(SVG_SIZE, { heatmap: true, contours: false, samples: false, points: false })
    : null;
  return landscapeSvg({
    size: SVG_SIZE,
    box: BOX,
    heatmap: heatmap?.toDataURL('image/png') ?? null,
    contours: frame && show.contours ? renderer().contoursOf(frame, s.settings.beta) : [],
    gridSize: frame?.gridSize ?? 1,
    samples: frame && show.samples ? frame.samples : null,
    points: show.points ? s.points : [],
  });
}

export function downloadLandscapeSvg(): void {
  downloadText(datedName('landscape', 'svg'), landscapeSvgText(), 'image/svg+xml');
}

export function downloadLandscapePng2x(): Promise<void> {
  const canvas = canvasOf(PNG_SIZE, { heatmap: true, ...useApp.getState().view.show });
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => {
      if (!blob) return reject(new Error('the browser could not encode the image'));
      downloadBlob(datedName('landscape', 'png'), blob);
      resolve();
    }, 'image/png'),
  );
}
