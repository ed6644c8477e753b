// What the landscape adds for classes and OOD (issue #11), kept out of landscapeRenderer.ts:
// the grid the heatmap colours (E(x), or E(x, y) for a chosen class), the class-regions
// picture that replaces the heatmap, samples coloured by their class, and the OOD threshold
// contour {x : E(x) = τ}, τ = the chosen percentile of the data's energies (inside it, E ≤ τ:
// "looks like data"; outside: flagged as out of distribution).
import type { ContourMultiPolygon } from 'd3';
import type { Frame } from '../contract/protocol';
import { ClassRegions, classEnergyGrid } from './classViews';
import { drawClassSamples } from './classPoints';
import { computeContours, pathContours } from './contours';
import { drawSamples, type PlotScales } from './scatter';

const REGION_SAMPLE_COLOUR = 'rgba(17, 17, 17, 0.55)';

export type ClassViewMode = 'energy' | 'regions' | 'classEnergy';

export interface ClassView {
  mode: ClassViewMode;
  /** The class of the E(x, y) view. */
  y: number;
  /** The OOD threshold τ on E (null: no contour). */
  oodLevel: number | null;
}

export const NO_CLASS_VIEW: ClassView = { mode: 'energy', y: 0, oodLevel: null };

export class ClassLayer {
  private regions: ClassRegions | null = null;
  private grid = new Float32Array(0);
  private ood: ContourMultiPolygon[] = [];
  view: ClassView = NO_CLASS_VIEW;

  /** A key for the renderer's cache: a change of view recomputes the picture. */
  key(): string {
    const v = this.view;
    return `${v.mode}:${v.y}:${v.oodLevel}`;
  }

  /** The energy the heatmap and contours show: E(x), or E(x, y) in the class-energy view. */
  energyGrid(frame: Frame): Float32Array {
    const c = frame.classes;
    if (this.view.mode !== 'classEnergy' || !c) return frame.grid;
    if (this.grid.length !== frame.grid.length) this.grid = new Float32Array(frame.grid.length);
    return classEnergyGrid(c, Math.min(this.view.y, c.classes - 1), this.grid);
  }

  prepare(frame: Frame): void {
    const c = frame.classes;
    if (this.view.mode === 'regions' && c) {
      if (this.regions?.size !== frame.gridSize) this.regions = new ClassRegions(frame.gridSize);
      this.regions.update(c);
    }
    const tau = this.view.oodLevel;
    this.ood =
      tau !== null && Number.isFinite(tau)
        ? computeContours(frame.grid, frame.gridSize, [tau])
        : [];
  }

  /** Draws the class regions in place of the heatmap; false when that view is not on. */
  drawUnder(ctx: CanvasRenderingContext2D, size: number, frame: Frame): boolean {
    if (this.view.mode !== 'regions' || !frame.classes || !this.regions) return false;
    this.regions.draw(ctx, size);
    return true;
  }

  /** Samples in their class's colour; false for a model without classes. */
  drawSamples(ctx: CanvasRenderingContext2D, frame: Frame, s: PlotScales): boolean {
    if (!frame.classes) return false;
    // On the regions every sample has its region's colour (argmax at its own place): dark.
    if (this.view.mode === 'regions') drawSamples(ctx, frame.samples, s, REGION_SAMPLE_COLOUR);
    else drawClassSamples(ctx, frame.samples, frame.classes.sampleClass, s);
    return true;
  }

  /** The OOD threshold contour: a dashed dark line on a white halo. */
  drawOver(ctx: CanvasRenderingContext2D, size: number, frame: Frame): void {
    if (this.ood.length === 0) return;
    const rect = { x: 0, y: 0, w: size, h: size };
    ctx.save();
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 4;
    ctx.beginPath();
    pathContours(ctx, this.ood, frame.gridSize, rect);
    ctx.stroke();
    ctx.strokeStyle = '#111';
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 4]);
    ctx.beginPath();
    pathContours(ctx, this.ood, frame.gridSize, rect);
    ctx.stroke();
    ctx.restore();
  }
}
