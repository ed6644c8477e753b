// Mode weights: a 0.3/0.7 mixture of N((∓1.5, 0), 0.75²I) (4 std apart; density at the saddle
// ≈ 0.14 of the peaks), chains started uniformly on the box so they must cross to get the
// weights right. The estimate is the sample mean of the responsibility of component 1, whose
// expectation under the mixture is exactly w₁ = 0.3. Tolerance: 5 % relative, |ŵ₁ − 0.3| < 0.015.
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../testing';
import { hmc } from './hmc';
import { mala } from './mala';
import { mh } from './mh';
import {
  mixture2,
  params,
  responsibility1,
  runMoments,
  type Vec2,
  type TestParams,
} from './testEnergies';
import type { Sampler } from './types';

const W: Vec2 = [0.3, 0.7];
const M1: Vec2 = [-1.5, 0];
const M2: Vec2 = [1.5, 0];
const S = 0.75;
const box = { min: -4, max: 4 };

const CASES: [string, Sampler, TestParams, number, number][] = [
  ['mala ε=0.3', mala, params({ step: 0.3, box }), 200, 5],
  ['mh s=1.5', mh, params({ step: 1.5, box }), 200, 5],
  ['hmc ε=0.25 L=6', hmc, params({ step: 0.25, leapfrogSteps: 6, box }), 50, 2],
];

describe('two-mode mixture', () => {
  beforeAll(async () => {
    await useCpu();
  });
  it.each(CASES)('%s recovers the weights', (name, sampler, p, burn, thin) => {
    const stat = responsibility1(W, M1, M2, S);
    const o = { chains: 2000, burn, thin, snapshots: 30, seed: 9, stat };
    const m = runMoments(sampler, mixture2(W, M1, M2, S), p, o);
    console.info(name, 'w1 =', m.stat.toFixed(4), 'accept', m.acceptRate?.toFixed(3));
    expect(Math.abs(m.stat - W[0])).toBeLessThan(0.015);
  });
});
