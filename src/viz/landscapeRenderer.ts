// Draws one picture of the landscape: heatmap, contours, samples, points. d3 computes
// (scales, contours), the canvas draws. Contours and colours are recomputed only when a
// new frame arrives, not on every redraw (e.g. while dragging a point).
import { scaleLinear } from 'd3';
import type { Frame } from '../contract/protocol';
import { ClassLayer } from './classLayer';
import { drawClassDots, drawOutliers, type ClassPoint } from './classPoints';
import type { PaletteName } from '../contract/view';
import { lutFor } from './colormap';
import { computeContours, drawContours } from './contours';
import { Heatmap } from './heatmap';
import { colourParams, CONTOUR_LEVELS, relativeEnergy, type ColourMode } from './levels';
import { drawPoints, drawSamples, type PlotScales } from './scatter';
import { drawCrosshair } from './crosshair';
import { drawTrails } from './trails';

export interface ViewBox {
  min: number;
  max: number;
}

export interface Layers {
  heatmap: boolean;
  contours: boolean;
  samples: boolean;
  points: boolean;
}

export const SAMPLE_COLOUR = 'rgba(249, 115, 22, 0.75)';

/**
 * How the picture looks (display preferences): the heatmap palette, the plot's background
 * where there is no heatmap, and whether sample mode's moving trails are drawn (not under
 * reduced motion: then only where the traced chains are now).
 */
export interface Look {
  palette: PaletteName;
  background: string;
  trails: boolean;
}

/** Where the keyboard crosshair is (data units), drawn when the landscape has focus. */
export type Crosshair = { x: number; y: number } | null;

/** What the heatmap shows (levels.ts colourParams) and the density views' fixed top. */
export interface Colouring {
  mode: ColourMode;
  densityScale: number;
}

export class LandscapeRenderer {
  private heatmap: Heatmap | null = null;
  private contours: ReturnType<typeof computeContours> = [];
  /** The grid the colours and contours were made from. */
  private grid: Float32Array | null = null;
  private frameKey = '';
  private rel = new Float32Array(0);
  private colour = new Float32Array(0);
  /** Set before draw(); a change recolours the current frame. */
  colouring: Colouring = { mode: 'energy', densityScale: 0.5 };
  /** Classes and OOD: class views, class-coloured samples, the threshold contour (its `view`). */
  readonly classes = new ClassLayer();
  /** Set before draw(); a palette change recolours the current frame. */
  look: Look = { palette: 'default', background: '#f1f5f9', trails: true };
  /** Trail segments the last draw() drew (0 under reduced motion): for tests. */
  trailSegments = 0;

  constructor(readonly box: ViewBox) {}

  scales(size: number): PlotScales {
    return {
      x: scaleLinear().domain([this.box.min, this.box.max]).range([0, size]),
      y: scaleLinear().domain([this.box.min, this.box.max]).range([size, 0]),
    };
  }

  /** Recompute colours and contours for a new frame (or a new β). */
  private prepare(frame: Frame, beta: number): void {
    const { mode, densityScale } = this.colouring;
    // The grid array itself, not the frame id: a samples frame keeps its full frame's grid.
    const key = `${frame.generation}:${beta}:${mode}:${densityScale}:${this.classes.key()}:${this.look.palette}`;
    if (key === this.frameKey && frame.grid === this.grid) return;
    this.frameKey = key;
    this.grid = frame.grid;
    const G = frame.gridSize;
    if (!this.heatmap || this.heatmap.size !== G) this.heatmap = new Heatmap(G);
    if (this.rel.length !== G * G) this.rel = new Float32Array(G * G);
    if (this.colour.length !== G * G) this.colour = new Float32Array(G * G);
    const energy = this.classes.energyGrid(frame);
    relativeEnergy(energy, beta, this.rel);
    const side = this.box.max - this.box.min;
    colourParams(energy, beta, mode, densityScale, side, this.colour);
    this.classes.prepare(frame);
    this.heatmap.update(this.colour, 1, lutFor(this.look.palette));
    this.contours = computeContours(this.rel, G, CONTOUR_LEVELS);
  }

  /** The contour rings of a frame (grid space), for vector exports. */
  contoursOf(frame: Frame, beta: number): ReturnType<typeof computeContours> {
    this.prepare(frame, beta);
    return this.contours;
  }

  draw(
    ctx: CanvasRenderingContext2D,
    size: number,
    frame: Frame | null,
    beta: number,
    points: ClassPoint[],
    selected: number | null,
    layers: Layers,
    crosshair: Crosshair = null,
  ): void {
    ctx.clearRect(0, 0, size, size);
    ctx.fillStyle = this.look.background;
    ctx.fillRect(0, 0, size, size);
    const s = this.scales(size);
    if (frame) {
      this.prepare(frame, beta);
      const rect = { x: 0, y: 0, w: size, h: size };
      if (layers.heatmap && !this.classes.drawUnder(ctx, size, frame))
        this.heatmap?.draw(ctx, 0, 0, size, size);
      if (layers.contours) drawContours(ctx, this.contours, frame.gridSize, rect);
      if (layers.samples && !this.classes.drawSamples(ctx, frame, s))
        drawSamples(ctx, frame.samples, s, SAMPLE_COLOUR);
      this.classes.drawOver(ctx, size, frame);
    }
    if (layers.points) {
      drawPoints(ctx, points, s, selected);
      drawClassDots(ctx, points, s, points.length > 2000 ? 2 : 3.5);
      drawOutliers(ctx, points, s);
    }
    // Sample mode: traced chains, rejected proposals, HMC's leapfrog path (on top).
    this.trailSegments = frame?.trails ? drawTrails(ctx, frame.trails, s, this.look.trails) : 0;
    if (crosshair) drawCrosshair(ctx, s.x(crosshair.x), s.y(crosshair.y));
  }
}
