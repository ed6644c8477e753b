// The clamp read-out's arithmetic: curve mass per bin, total variation, and a histogram of
// draws from a known density landing within sampling error of its curve.
import { describe, expect, it } from 'vitest';
import { makeRng } from '../ebm/rng';
import { ConditionalHistogram, curveMass, histogramKey, totalVariation } from './conditional';

const box = { min: -4, max: 4 };
const G = 128;
const h = 8 / G;
/** N(0.5, 0.8²) on the G cell centres, normalised on the box. */
const gauss = (() => {
  const d = Float32Array.from({ length: G }, (_, k) => {
    const t = box.min + (k + 0.5) * h;
    return Math.exp(-((t - 0.5) ** 2) / (2 * 0.64));
  });
  const s = d.reduce((a, b) => a + b, 0) * h;
  return d.map((v) => v / s);
})();

describe('conditional histogram', () => {
  it('curve mass sums to 1 and TV has its identities', () => {
    const q = curveMass(gauss, box, 32);
    expect(q.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(totalVariation(q, q)).toBe(0);
    expect(totalVariation([1, 0], [0, 1])).toBe(1);
    expect(totalVariation([2, 2], [1, 3])).toBeCloseTo(0.25, 12); // normalised first
    expect(totalVariation([0, 0], [1, 1])).toBeNaN();
  });

  it('draws from the curve give a small TV; draws from elsewhere a large one', () => {
    const rng = makeRng(3);
    const line = { axis: 0 as const, value: 1, density: gauss, logZ: 0 };
    const hist = new ConditionalHistogram(32, box);
    hist.keyed(histogramKey(line, 1, 1));
    const samples = new Float32Array(2 * 20000);
    for (let i = 0; i < 20000; i++) {
      samples[2 * i] = 1; // the clamped x
      samples[2 * i + 1] = 0.5 + 0.8 * rng.normal();
    }
    hist.add(samples, 0);
    const tv = hist.distance(line);
    console.info(`conditional: TV of 20,000 exact draws against the curve = ${tv.toFixed(4)}`);
    expect(hist.total).toBe(20000);
    expect(tv).toBeLessThan(0.03);
    // Another run (or clamp) starts afresh; shifted draws are far from the curve.
    expect(hist.keyed(histogramKey(line, 2, 1))).toBe(true);
    expect(hist.total).toBe(0);
    for (let i = 0; i < 20000; i++) samples[2 * i + 1] = -1.5 + 0.8 * rng.normal();
    hist.add(samples, 0);
    expect(hist.distance(line)).toBeGreaterThan(0.6);
  });
});
