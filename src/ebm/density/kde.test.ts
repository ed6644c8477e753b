import { describe, expect, it } from 'vitest';
import { eightGaussiansCentres } from './modes';
import { energyOnGrid, gaussianPoints, grid128, mixturePoints, quadratic } from './fixtures';
import { argmax, cellCentre, integrate } from './grid';
import { kde, scottBandwidth } from './kde';
import { klDivergence } from './kl';
import { normalise } from './partition';

// Median ms over `reps` runs after a warm-up (the min is the noise-free cost on a busy box).
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
function time(f: () => unknown, reps = 9): number {
  f(); // warm-up (JIT)
  const t: number[] = [];
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return median(t);
}

describe('KDE', () => {
  const data = gaussianPoints(2000, 1, -1, 0.3, 3);

  it('integrates to 1 over the box, both ways', () => {
    for (const method of ['direct', 'binned'] as const) {
      expect(Math.abs(integrate(kde(data, grid128, { method }), grid128) - 1)).toBeLessThan(1e-5);
    }
    const empty = kde(new Float32Array(0), grid128);
    expect(Math.abs(integrate(empty, grid128) - 1)).toBeLessThan(1e-5); // uniform
    const withNaN = kde(Float32Array.of(0, 0, NaN, 1, 9, 9), grid128); // NaN and outside: skipped
    expect(Math.abs(integrate(withNaN, grid128) - 1)).toBeLessThan(1e-5);
  });

  it('peaks at the data', () => {
    const [x, y] = cellCentre(argmax(kde(data, grid128)), grid128);
    expect(Math.hypot(x - 1, y + 1)).toBeLessThan(0.1);
    // Two far-apart points: each is a local peak of its own (no smoothing between them).
    const two = kde(Float32Array.from([-2, 2, 2.5, -1.5]), grid128, { bandwidth: 0.3 });
    const [px, py] = cellCentre(argmax(two), grid128);
    expect(Math.min(Math.hypot(px + 2, py - 2), Math.hypot(px - 2.5, py + 1.5))).toBeLessThan(0.05);
  });

  it('binned agrees with the exact sum to < 1 % of the peak', () => {
    const b = scottBandwidth(data);
    const exact = kde(data, grid128, { method: 'direct', bandwidth: b });
    const binned = kde(data, grid128, { method: 'binned', bandwidth: b });
    let err = 0;
    for (let c = 0; c < exact.length; c++) err = Math.max(err, Math.abs(exact[c] - binned[c]));
    const rel = err / exact[argmax(exact)];
    console.log('kde binned vs direct', { bandwidth: b, maxRelErr: rel });
    expect(rel).toBeLessThan(0.01);
  });

  it('of N(μ, σ²) samples is close to N(μ, σ² + b²)', () => {
    const pts = gaussianPoints(10_000, 0.5, 0.5, 0.5, 11);
    const b = scottBandwidth(pts);
    expect(b).toBeCloseTo(0.5 * 10_000 ** (-1 / 6), 2); // Scott: σ n^(−1/6)
    const smoothed = Math.sqrt(0.25 + b * b);
    const truth = normalise(energyOnGrid(grid128, quadratic(0.5, 0.5, smoothed)), grid128).density;
    const kl = klDivergence(kde(pts, grid128), truth, grid128);
    console.log('kde vs N(μ, σ²+b²)', { bandwidth: b, kl });
    expect(kl).toBeLessThan(0.01);
  });

  it('is fast: 10,000 points on 128²', () => {
    const { points } = mixturePoints(10_000, eightGaussiansCentres(2), 0.3, 5);
    const b = scottBandwidth(points);
    const auto = time(() => kde(points, grid128));
    const direct = time(() => kde(points, grid128, { method: 'direct' }), 3);
    const small = time(() => kde(points.subarray(0, 400), grid128)); // auto → direct
    console.log('kde timing (ms, median)', { bandwidth: b, auto, direct, small400: small });
    expect(auto).toBeLessThan(50);
  });
});
