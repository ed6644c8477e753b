// Lives beside the engine: the reference energies are computed with tfjs (a readback), which
// page code never does; the script generator itself is page code (state/persist/pythonScript).
// The exported Python script compiles, and its numpy energy equals the page's MLP energy
// (tfjs, float32) at 20 points within 1e-4. Needs a python3 with numpy: .ci/run installs
// Debian's python3-numpy when no python3 on the machine has it; the test never skips.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../contract/settings';
import { createModel } from '../ebm/models';
import { useCpu } from '../ebm/testing';
import { tf } from '../ebm/tf';
import { readWeights } from './weights';
import { pythonExportProblem, pythonScript } from '../state/persist/pythonScript';

function pythonWithNumpy(): string {
  for (const py of ['python3', '/usr/bin/python3']) {
    if (spawnSync(py, ['-c', 'import numpy'], { stdio: 'ignore' }).status === 0) return py;
  }
  throw new Error('No python3 with numpy here: apt-get install python3-numpy (see .ci/run).');
}

beforeAll(useCpu);

describe('Export as Python', () => {
  it('compiles, and its numpy E(x) matches the page within 1e-4 at 20 points', () => {
    const settings = { ...DEFAULT_SETTINGS, width: 16, depth: 2, sampler: 'hmc' as const };
    const model = createModel(settings, 7);
    const points = Array.from({ length: 20 }, (_, i) => ({
      x: 3.5 * Math.cos(1.7 * i),
      y: 3.5 * Math.sin(2.3 * i + 0.4),
    }));
    const expected = Array.from(
      tf.tidy(() => model.energy(tf.tensor2d(points.map((p) => [p.x, p.y])))).dataSync(),
    );
    const script = pythonScript({
      points,
      settings,
      weights: readWeights(model.variables),
      maxGradNorm: 10,
      batch: 256,
    });
    model.dispose();
    expect(script).toContain('SAMPLER = "hmc"');
    expect(script).toContain('"hmcStep": 0.05');
    const dir = mkdtempSync(join(tmpdir(), 'ebm-py-'));
    const file = join(dir, 'run.py');
    writeFileSync(file, script);
    const py = pythonWithNumpy();
    execFileSync(py, ['-m', 'py_compile', file]);
    const arg = points.map((p) => `${p.x},${p.y}`).join(';');
    const out = JSON.parse(execFileSync(py, [file, '--energy', arg], { encoding: 'utf8' }));
    expect(out).toHaveLength(20);
    const worst = Math.max(...out.map((e: number, i: number) => Math.abs(e - expected[i])));
    expect(worst).toBeLessThan(1e-4);
  });

  it('says why an RBM run is not exported', () => {
    expect(pythonExportProblem(DEFAULT_SETTINGS)).toBeNull();
    expect(pythonExportProblem({ ...DEFAULT_SETTINGS, model: 'rbm' })).toMatch(/RBM/);
  });
});
