// The conditional on a clamped line: grid curve vs analytic, clamped MALA vs grid curve
// (mean and variance within 5 %), and low-temperature denoising paths.
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BOX, uniformInBox } from './box';
import type { EnergyFn } from './energy';
import {
  clampedMala,
  clampedSampler,
  conditionalOnLine,
  denoise,
  linePoints,
  type Clamp,
} from './recovery';
import { makeRng } from './rng';
import { gaussianEnergy, mixture2 } from './samplers/testEnergies';
import type { SamplerParams } from './samplers/types';
import { useCpu } from './testing';
import { tf, type Tensor2D } from './tf';

beforeAll(useCpu);

const box = DEFAULT_BOX;
// N(0, [[1, .8], [.8, 1]]): y | x = 1 is N(0.8, 1 − .8²) = N(0.8, 0.36).
const corr = gaussianEnergy(
  [0, 0],
  [
    [1, 0.8],
    [0.8, 1],
  ],
);
// Two components, std .7, at (−.5, 0) and (2, .6), weights .3/.7. On the line y = .3 both
// are .3 away, so x | y = .3 is the 1D mixture .3·N(−.5, .49) + .7·N(2, .49): two modes
// 3.6σ apart, mean 1.25, variance .49 + .21·2.5² = 1.8125 (before truncation to the box).
const mix = mixture2([0.3, 0.7], [-0.5, 0], [2, 0.6], 0.7);

/** Pooled mean/variance of the free coordinate from clamped MALA; checks x_a = c exactly. */
function sampleLine(
  energy: EnergyFn,
  clamp: Clamp,
  p: SamplerParams & { malaStep: number },
  seed: number,
) {
  const rng = makeRng(seed);
  const chains = 2000;
  let x: Tensor2D = uniformInBox(chains, box, rng.seed());
  let sum = 0;
  let sum2 = 0;
  let n = 0;
  let accSum = 0;
  let accN = 0;
  const advance = (steps: number): void => {
    const r = tf.tidy(() => {
      const out = clampedMala(energy, x, steps, p, rng, clamp);
      return { x: out.x, a: out.acceptRate ?? tf.scalar(NaN) };
    });
    x.dispose();
    x = r.x;
    accSum += r.a.dataSync()[0];
    accN++;
    r.a.dispose();
  };
  advance(150);
  const want = Math.fround(clamp.value);
  for (let s = 0; s < 30; s++) {
    advance(5);
    const v = x.dataSync();
    for (let i = 0; i < chains; i++) {
      expect(v[2 * i + clamp.axis]).toBe(want);
      const t = v[2 * i + 1 - clamp.axis];
      sum += t;
      sum2 += t * t;
      n++;
    }
  }
  x.dispose();
  const mean = sum / n;
  return { mean, variance: sum2 / n - mean * mean, acceptRate: accSum / accN };
}

const p = (malaStep: number) => ({ beta: 1, malaStep, box });

describe('recovery on a clamped coordinate', () => {
  it('linePoints hold the clamp and walk the cell centres', () => {
    expect(Array.from(linePoints({ axis: 1, value: 0.5 }, 4, box))).toEqual([
      -3, 0.5, -1, 0.5, 1, 0.5, 3, 0.5,
    ]);
    expect(Array.from(linePoints({ axis: 0, value: -2 }, 2, box))).toEqual([-2, -2, -2, 2]);
  });

  it('the grid conditional matches the analytic one (moments to 1e-4)', () => {
    const g = conditionalOnLine(corr, { axis: 0, value: 1 }, 512, box);
    const h = (box.max - box.min) / 512;
    expect(g.density.reduce((a, b) => a + b, 0) * h).toBeCloseTo(1, 10);
    expect(Math.abs(g.mean - 0.8)).toBeLessThan(1e-4);
    expect(Math.abs(g.variance - 0.36)).toBeLessThan(1e-4);
    // log Z_c of exp(−E(1, y)): E = (x² − 1.6xy + y²)/(2·.36) → ∫ = √(2π·.36)·e^{−½}.
    expect(g.logZ).toBeCloseTo(0.5 * Math.log(2 * Math.PI * 0.36) - 0.5, 4);
    // The mixture's right component is 2.9σ from the box edge, so compare with the
    // closed-form density truncated to the box, integrated in float64 on 10⁵ points.
    const pdf = (t: number) =>
      0.3 * Math.exp(-((t + 0.5) ** 2) / 0.98) + 0.7 * Math.exp(-((t - 2) ** 2) / 0.98);
    const n = 100_000;
    const dt = (box.max - box.min) / n;
    let [z, s1, s2] = [0, 0, 0];
    for (let k = 0; k < n; k++) {
      const t = box.min + (k + 0.5) * dt;
      const w = pdf(t);
      [z, s1, s2] = [z + w, s1 + w * t, s2 + w * t * t];
    }
    const [mean, variance] = [s1 / z, s2 / z - (s1 / z) ** 2];
    const m = conditionalOnLine(mix, { axis: 1, value: 0.3 }, 512, box);
    expect(Math.abs(m.mean - mean)).toBeLessThan(1e-4);
    expect(Math.abs(m.variance - variance)).toBeLessThan(1e-4);
    expect(Math.abs(mean - 1.25)).toBeLessThan(1e-2); // truncation moves it only a little
    // β sharpens it: at β = 4 the gaussian's conditional variance is .36/4.
    expect(conditionalOnLine(corr, { axis: 0, value: 1 }, 512, box, 4).variance).toBeCloseTo(
      0.09,
      4,
    );
  });

  for (const [name, energy, clamp, step] of [
    ['correlated gaussian, x = 1', corr, { axis: 0, value: 1 }, 0.5],
    ['two-mode mixture, y = 0.3', mix, { axis: 1, value: 0.3 }, 0.6],
  ] as const) {
    it(`clamped MALA matches the grid curve within 5 %: ${name}`, () => {
      const grid = conditionalOnLine(energy, clamp, 512, box);
      const s = sampleLine(energy, clamp, p(step), 21);
      const dm = Math.abs(s.mean - grid.mean) / Math.abs(grid.mean);
      const dv = Math.abs(s.variance - grid.variance) / grid.variance;
      console.log(
        `recovery ${name}: grid mean ${grid.mean.toFixed(4)} var ${grid.variance.toFixed(4)}; ` +
          `MALA mean ${s.mean.toFixed(4)} var ${s.variance.toFixed(4)} ` +
          `(rel. err ${(100 * dm).toFixed(2)} %, ${(100 * dv).toFixed(2)} %), accept ${s.acceptRate.toFixed(3)}`,
      );
      expect(dm).toBeLessThan(0.05);
      expect(dv).toBeLessThan(0.05);
    });
  }

  it('clampedSampler is a Sampler: traces hold the clamp too, no tensors leak', () => {
    const sampler = clampedSampler({ axis: 1, value: -1.25 });
    const rng = makeRng(4);
    const x0 = uniformInBox(8, box, 1);
    const before = tf.memory().numTensors;
    const r = tf.tidy(() => {
      const out = sampler.run(corr, x0, 20, { ...p(0.3), trace: { chains: 2, steps: 5 } }, rng);
      return [out.x, out.trace!.positions, out.trace!.proposals!];
    });
    expect(tf.memory().numTensors).toBe(before + 3);
    expect(r[1].shape).toEqual([5, 2, 2]);
    for (const t of r) {
      const v = t.dataSync();
      for (let i = 1; i < v.length; i += 2) expect(v[i]).toBe(-1.25);
    }
    tf.dispose([...r, x0]);
    expect(sampler.kind).toBe('mala-clamped');
  });

  it('denoising at β = 100 walks a noisy point back to the mode; a clamp holds exactly', () => {
    const rng = makeRng(8);
    const q = { beta: 100, stepSize: 0.002, box };
    const before = tf.memory().numTensors;
    const path = denoise(corr, [2.5, -1.5], 300, q, rng);
    expect(tf.memory().numTensors).toBe(before + 1);
    expect(path.shape).toEqual([301, 2]);
    const v = path.arraySync();
    expect(v[0]).toEqual([2.5, -1.5]);
    const end = v[300];
    const e = (pt: number[]) => corr(tf.tensor2d([pt])).dataSync()[0];
    console.log(
      `recovery denoise: (2.5, −1.5) → (${end[0].toFixed(3)}, ${end[1].toFixed(3)}), E ${e(v[0]).toFixed(2)} → ${e(end).toFixed(3)}`,
    );
    expect(Math.hypot(end[0], end[1])).toBeLessThan(0.5);
    expect(e(end)).toBeLessThan(0.1 * e(v[0]));
    // Clamped at x = 1: y goes to the conditional mode 0.8, x never moves.
    const c = denoise(corr, [3, -2], 300, q, rng, { axis: 0, value: 1 }).arraySync();
    c.forEach((row) => expect(row[0]).toBe(1));
    expect(Math.abs(c[300][1] - 0.8)).toBeLessThan(0.2);
    path.dispose();
  });
});
