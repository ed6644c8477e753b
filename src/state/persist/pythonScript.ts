// "Export as Python": one runnable .py file that continues this run in PyTorch. It carries the
// points, the MLP (width, depth, SiLU, input scale) with its current weights, the sampler and
// its own settings, the CD loss with α and the optimiser (Adam, β1 = 0, global-norm clip).
// Without torch it still evaluates E(x) with numpy (so it can be checked anywhere):
//   python3 run.py --energy "x,y;x,y"   prints E at those points as JSON.
import { MODEL_SPECS } from '../../contract/models';
import { SAMPLER_SPECS } from '../../contract/samplers';
import { effectiveSampler, type Settings } from '../../contract/settings';
import type { ModelWeights } from '../../contract/protocol';
import type { Point } from '../schema';
import { PYTHON_BODY } from './pythonBody';

export interface PythonExport {
  points: readonly Point[];
  settings: Settings;
  weights: ModelWeights;
  /** Parameter-gradient clip of the page's trainer (global L2 norm). */
  maxGradNorm: number;
  /** Data batch of one CD iteration. */
  batch: number;
}

/** Python literal for a number (finite; repr-exact for float32 values). */
const num = (v: number): string => (Number.isFinite(v) ? String(v) : '0.0');
const list = (vs: readonly number[]): string => `[${vs.map(num).join(', ')}]`;

/** Refuses what the script cannot continue: it speaks the MLP only. */
export function pythonExportProblem(s: Settings): string | null {
  return s.model === 'mlp'
    ? null
    : `the Python export covers the MLP; the ${MODEL_SPECS[s.model].label} is not included`;
}

export function pythonScript(e: PythonExport): string {
  const s = e.settings;
  const sampler = effectiveSampler(s);
  const own = Object.keys(SAMPLER_SPECS[sampler].params) as (keyof Settings)[];
  const samplerParams = own.map((k) => `    "${k}": ${num(s[k] as number)},`).join('\n');
  const weights = e.weights.values
    .map(
      (v, i) => `    np.array(${list(v)}, dtype=np.float32).reshape(${list(e.weights.shapes[i])}),`,
    )
    .join('\n');
  const points = e.points.map((p) => `(${num(p.x)}, ${num(p.y)})`).join(', ');
  return `#!/usr/bin/env python3
# EBM Playground run, exported ${new Date().toISOString().slice(0, 10)}.
# An energy-based model p(x) = exp(-beta E(x)) / Z on the box [-4, 4]^2: E is an MLP
# 2 -> ${s.width} x ${s.depth} (SiLU) -> 1. Trained by persistent contrastive divergence:
#   loss = mean E(data) - mean E(samples) + alpha (mean E(data)^2 + mean E(samples)^2)
# with negatives from the ${SAMPLER_SPECS[sampler].label} sampler on persistent chains.
#   python3 this.py                 continue training in PyTorch (plots if matplotlib is there)
#   python3 this.py --energy "0,0;1,2"   E at those points with numpy alone, as JSON
import argparse
import json
import math
import sys

import numpy as np

SETTINGS = {
    "learning_rate": ${num(s.learningRate)},
    "anneal_iterations": ${num(s.annealIters)},
    "average_iterations": ${num(s.averageIters)},
    "alpha": ${num(s.model === 'mlp' ? s.alpha : 0)},
    "beta": ${num(s.beta)},
    "steps_per_iteration": ${num(s.chainSteps)},
    "reinit_fraction": ${num(s.reinitFraction)},
    "reinit_from": "${s.reinitFrom}",
    "chains": ${num(s.chains)},
    "batch": ${num(e.batch)},
    "max_grad_norm": ${num(e.maxGradNorm)},
    "seed": ${num(s.seed)},
}
SAMPLER = "${sampler}"
SAMPLER_PARAMS = {
${samplerParams}
}
WIDTH, DEPTH, INPUT_SCALE = ${s.width}, ${s.depth}, ${num(MODEL_SPECS.mlp.inputScale ?? 1)}
BOX = (-4.0, 4.0)
POINTS = np.array([${points}], dtype=np.float32).reshape(-1, 2)
# [w0, b0, w1, b1, ...]: w has shape [fan_in, fan_out] (x @ w + b), as in the page.
WEIGHTS = [
${weights}
]
${PYTHON_BODY}`;
}
