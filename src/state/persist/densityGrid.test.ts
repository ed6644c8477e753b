// The export's model density: normalised on its grid (Σ p·h² = 1), equal to the analytic
// density for a Gaussian energy, and the JSON with it and the mode masses re-imports.
import { describe, expect, it } from 'vitest';
import { DEFAULT_DOCUMENT } from '../schema';
import { normalisedLogDensity } from './densityGrid';
import { buildExportJson } from './exportFile';
import { parseImport } from './importFile';

const box = { min: -4, max: 4 };
const G = 32;
const h = (box.max - box.min) / G;
/** E = ‖x − μ‖²/(2s²) at the cell centres, μ = (0.5, −1), s = 0.7. */
const energy = Float32Array.from({ length: G * G }, (_, c) => {
  const x = box.min + ((c % G) + 0.5) * h;
  const y = box.min + (Math.floor(c / G) + 0.5) * h;
  return ((x - 0.5) ** 2 + (y + 1) ** 2) / (2 * 0.49);
});

describe('normalisedLogDensity', () => {
  it('integrates to 1 on the grid and matches N(μ, s²/β) (mass outside the box < 1e-4)', () => {
    const beta = 2;
    const d = normalisedLogDensity(energy, G, box, beta);
    expect([d.size, d.beta, d.logDensity.length]).toEqual([G, beta, G * G]);
    const total = d.logDensity.reduce((s: number, v) => s + Math.exp(v!) * h * h, 0);
    expect(Math.abs(total - 1)).toBeLessThan(1e-3); // rounding to 1e-4 nats
    const v = 0.49 / beta;
    // The cell at (0.625, −0.875): log N = −‖x − μ‖²/(2v) − log(2πv); quadrature error ~1e-3.
    const c = (Math.floor((-0.875 - box.min) / h) * G + Math.floor((0.625 - box.min) / h)) | 0;
    const exact = -((0.125 ** 2 + 0.125 ** 2) / (2 * v)) - Math.log(2 * Math.PI * v);
    expect(Math.abs(d.logDensity[c]! - exact)).toBeLessThan(5e-3);
  });

  it('an export with the density and mode masses re-imports; NaN shares become null', () => {
    const modelDensity = normalisedLogDensity(energy, G, box, 1);
    const modeMass = [{ x: 1, y: 2, modelMass: 0.6, dataShare: 0.5, chainShare: NaN }];
    const text = buildExportJson({ doc: DEFAULT_DOCUMENT, modelDensity, modeMass });
    const r = parseImport('e.json', text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.modelDensity?.logDensity).toEqual(modelDensity.logDensity);
    expect(r.doc.modeMass).toEqual([{ ...modeMass[0], chainShare: null }]);
    const broken = JSON.parse(text);
    broken.modelDensity.logDensity.pop();
    expect(parseImport('e.json', JSON.stringify(broken)).ok).toBe(false);
  });
});
