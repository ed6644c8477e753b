// Mode weights three ways, on one partition of the plane: the Voronoi cells of the mode
// centres (every point, and every grid cell, belongs to its nearest centre). For mode k,
//   model mass  m_k = Σ_{c ∈ V_k} p_c h² / Σ_c p_c h²    (p: the normalised grid density)
//   data share  d_k = #{data in V_k} / #data
//   chain share s_k = #{chains in V_k} / #chains
// m vs d says whether p_θ weights the modes like the data (a sampler-free check: the grid
// density does not depend on where the chains are); m vs s says whether the chains are
// distributed like p_θ, i.e. whether they mixed between modes (persistent chains that never
// cross keep whatever split they started with, and CD then teaches that split to the model).
// Voronoi cells rather than modes.ts's discs, so the three shares each sum to 1 and compare
// like for like (a grid cell's assignment is decided at its centre).
import { assignModes, type Centre } from './modes';
import { gridPoints, type GridSpec } from './grid';

export interface ModeMassStat {
  centre: Centre;
  modelMass: number;
  dataShare: number;
  chainShare: number;
}

export interface ModeMass {
  modes: ModeMassStat[];
  /** max_k |m_k − d_k|: how wrong the model's mode weights are (NaN without data). */
  maxWeightError: number;
  /** max_k |m_k − s_k|: how far the chains are from the model they sample (NaN without any). */
  maxChainError: number;
}

/** Share of points in each Voronoi cell (NaN if there are no points). */
function voronoiShares(points: ArrayLike<number>, centres: readonly Centre[]): number[] {
  const out = new Array<number>(centres.length).fill(points.length >= 2 ? 0 : NaN);
  const modes = assignModes(points, centres, Infinity);
  for (const k of modes) if (k >= 0) out[k] += 1 / modes.length;
  return out;
}

/** Model mass per Voronoi cell from a density on `grid` (renormalised to sum to 1). */
export function modelModeMass(
  density: ArrayLike<number>,
  grid: GridSpec,
  centres: readonly Centre[],
): number[] {
  const cells = assignModes(gridPoints(grid.G, grid.box), centres, Infinity);
  const mass = new Array<number>(centres.length).fill(0);
  let total = 0;
  for (let c = 0; c < cells.length; c++) {
    const p = density[c];
    if (!(p > 0)) continue;
    mass[cells[c]] += p;
    total += p;
  }
  return mass.map((m) => (total > 0 ? m / total : NaN));
}

export function modeMass(
  density: ArrayLike<number>,
  grid: GridSpec,
  centres: readonly Centre[],
  data: ArrayLike<number>,
  samples: ArrayLike<number>,
): ModeMass {
  const m = modelModeMass(density, grid, centres);
  const d = voronoiShares(data, centres);
  const s = voronoiShares(samples, centres);
  const modes = centres.map((centre, k) => ({
    centre,
    modelMass: m[k],
    dataShare: d[k],
    chainShare: s[k],
  }));
  // Math.max propagates NaN: an empty point set or a NaN density gives NaN, not a false 0.
  const maxAbs = (a: number[], b: number[]) =>
    a.reduce((w, v, k) => Math.max(w, Math.abs(v - b[k])), 0);
  return { modes, maxWeightError: maxAbs(m, d), maxChainError: maxAbs(m, s) };
}
