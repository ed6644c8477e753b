// The landscape as an SVG figure for slides: the heatmap embedded as an image (it is a raster
// by nature), and everything else as vectors — contour rings, samples, data points and axes —
// so it scales cleanly and can be restyled in a drawing program.
import { geoPath, geoTransform, type ContourMultiPolygon } from 'd3';
import type { Box } from '../contract/box';
import { SAMPLE_COLOUR } from './landscapeRenderer';

export interface SvgFigure {
  /** Plot side in SVG units (the axes add a margin). */
  size: number;
  box: Box;
  /** A PNG data URL of the heatmap alone, or null to leave it out. */
  heatmap: string | null;
  /** Contour rings in grid coordinates [0, G]² (v = 0 at the bottom), or none. */
  contours: readonly ContourMultiPolygon[];
  gridSize: number;
  /** Chain positions [x0, y0, …] in data units, or null. */
  samples: Float32Array | null;
  points: readonly { x: number; y: number }[];
}

const M = 36; // margin for the axes
const r2 = (v: number) => Math.round(v * 100) / 100;

export function landscapeSvg(f: SvgFigure): string {
  const { size, box } = f;
  const span = box.max - box.min;
  const px = (x: number) => r2(M + ((x - box.min) / span) * size);
  const py = (y: number) => r2(((box.max - y) / span) * size);
  const out: string[] = [];
  const W = size + M;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${W}" viewBox="0 0 ${W} ${W}" font-family="sans-serif" font-size="10">`,
    `<rect x="${M}" y="0" width="${size}" height="${size}" fill="#f1f5f9"/>`,
  );
  if (f.heatmap)
    out.push(`<image href="${f.heatmap}" x="${M}" y="0" width="${size}" height="${size}"/>`);
  const k = size / f.gridSize;
  const toSvg = geoTransform({
    point(u: number, v: number) {
      this.stream.point(r2(M + u * k), r2(size - v * k));
    },
  });
  const path = geoPath(toSvg);
  out.push('<g class="contours" fill="none" stroke="#fff" stroke-opacity="0.6">');
  for (const ring of f.contours) out.push(`<path d="${path(ring) ?? ''}"/>`);
  out.push('</g>');
  if (f.samples) {
    out.push(`<g class="samples" fill="${SAMPLE_COLOUR}">`);
    for (let i = 0; i + 1 < f.samples.length; i += 2)
      out.push(`<circle cx="${px(f.samples[i])}" cy="${py(f.samples[i + 1])}" r="1.5"/>`);
    out.push('</g>');
  }
  out.push('<g class="points" fill="#fff" stroke="#111" stroke-width="1.2">');
  for (const p of f.points) out.push(`<circle cx="${px(p.x)}" cy="${py(p.y)}" r="3.5"/>`);
  out.push('</g>', '<g class="axes" fill="#475569" stroke="#94a3b8">');
  for (let t = Math.ceil(box.min); t <= box.max; t++) {
    out.push(`<line x1="${px(t)}" y1="${size}" x2="${px(t)}" y2="${size + 5}"/>`);
    out.push(`<text x="${px(t)}" y="${size + 16}" text-anchor="middle" stroke="none">${t}</text>`);
    out.push(`<line x1="${M - 5}" y1="${py(t)}" x2="${M}" y2="${py(t)}"/>`);
    out.push(`<text x="${M - 8}" y="${py(t) + 3}" text-anchor="end" stroke="none">${t}</text>`);
  }
  out.push('</g></svg>');
  return out.join('\n');
}
