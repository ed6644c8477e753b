// Start-up autotuner: time a few Langevin steps of each path this device offers (wasm ops,
// fused webgl, webgl ops; contract/autotune.ts) within AUTOTUNE_BUDGET_MS, keep the fastest,
// and switch the backend and the Langevin path to it. Because the choice IS the fastest path
// measured, the engine runs within measurement noise of the best path of the same run (the
// bench checks it: "chosen / best"). The page caches the report per device (deviceKey) and
// sends it back on the next visit: then nothing is measured.
// Order: cheapest first (wasm compiles nothing; the fused program is one shader; the ops path
// ~54), and a path starts only while budget is left. On a software renderer (SwiftShader,
// llvmpipe) the webgl paths are not measured at start-up: compiling the fused program alone
// took 4–6 s there on a loaded 2-core machine, the ops path minutes; `?langevin=fused` or
// `?backend=webgl` still runs them (a forced backend is not tuned), and the bench measures them.
import { AUTOTUNE_BUDGET_MS } from '../contract/autotune';
import type { AutotuneReport, EnginePath, LangevinRequest, PathTiming } from '../contract/autotune';
import type { BackendName, BackendRequest } from '../contract/protocol';
import type { Settings } from '../contract/settings';
import { uniformInBox } from '../ebm/box';
import { BOX } from '../contract/box';
import { setLangevinPath } from '../ebm/fused/path';
import { createMlp } from '../ebm/mlp';
import { INPUT_SCALE } from '../ebm/models';
import { makeRng } from '../ebm/rng';
import { langevin } from '../ebm/samplers/langevin';
import { tf } from '../ebm/tf';
import {
  allowSoftwareWebgl,
  isSoftwareRenderer,
  tryBackend,
  wasmThreads,
  type BackendChoice,
} from './backend';

/** Chains per timed step: a training iteration's batch (its K Langevin steps dominate). */
export const TUNE_CHAINS = 256;

const backendOf = (p: EnginePath) => p.split('-')[0] as BackendName;

export function deviceKey(renderer: string | null): string {
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : 0;
  return `${renderer ?? 'no-webgl'}|${cores} cores`;
}

/** Switch to a path: its backend (if it starts) and the Langevin path. */
export async function applyPath(p: EnginePath): Promise<boolean> {
  const b = backendOf(p);
  if (tf.getBackend() !== b && !(await tryBackend(b))) return false;
  setLangevinPath(p === 'webgl-fused' ? 'fused' : 'ops');
  return true;
}

/**
 * Median ms per Langevin step of `chains` chains on the current path (after one warm-up),
 * over `reps` timed steps, fewer (at least one) once `until` (performance.now()) has passed.
 */
export function timeSteps(settings: Settings, chains: number, reps = 3, until = Infinity): number {
  const model = createMlp({
    width: settings.width,
    depth: settings.depth,
    inputScale: INPUT_SCALE,
    seed: 5,
  });
  const x0 = uniformInBox(chains, BOX, 9);
  const p = { beta: 1, box: BOX, langevinStep: 0.01 };
  const rng = makeRng(3);
  const once = () => {
    const x = tf.tidy(() => langevin.run(model.energy, x0, 1, p, rng).x);
    x.dataSync();
    x.dispose();
  };
  try {
    once(); // compile and upload
    const ts: number[] = [];
    for (let i = 0; i < reps && (i === 0 || performance.now() < until); i++) {
      const t0 = performance.now();
      once();
      ts.push(performance.now() - t0);
    }
    return ts.sort((a, b) => a - b)[Math.floor(ts.length / 2)];
  } finally {
    x0.dispose();
    model.dispose();
  }
}

function candidates(choice: BackendChoice): PathTiming[] {
  const software = choice.renderer !== null && isSoftwareRenderer(choice.renderer);
  const webgl = (path: EnginePath): PathTiming =>
    choice.renderer === null
      ? { path, ms: null, note: 'no WebGL2 in this worker' }
      : software
        ? { path, ms: null, note: 'software WebGL, compiles take seconds: not measured' }
        : { path, ms: null };
  return [{ path: 'wasm-ops', ms: null }, webgl('webgl-fused'), webgl('webgl-ops')];
}

/**
 * Decide the path: forced by ?langevin=, cached for this device, or measured now. Leaves the
 * engine on the chosen backend and Langevin path; returns the (possibly new) backend choice.
 */
export async function autotune(
  choice: BackendChoice,
  request: BackendRequest,
  langevinRequest: LangevinRequest,
  settings: Settings,
  cached: AutotuneReport | null,
): Promise<{ choice: BackendChoice; report: AutotuneReport }> {
  const key = deviceKey(choice.renderer);
  const base = { deviceKey: key, totalMs: 0, chains: TUNE_CHAINS };
  const on = (p: EnginePath, reason: string) => ({
    choice: { ...choice, backend: backendOf(p), reason, threads: wasmThreads() },
  });
  if (langevinRequest !== 'auto') {
    let p: EnginePath = langevinRequest === 'fused' ? 'webgl-fused' : `${choice.backend}-ops`;
    if (p === 'webgl-fused') allowSoftwareWebgl();
    if (!(await applyPath(p))) p = `${choice.backend}-ops`;
    await applyPath(p);
    const note = p === 'webgl-fused' || langevinRequest === 'ops' ? undefined : 'webgl failed';
    const report: AutotuneReport = { ...base, chosen: p, source: 'forced', timings: [] };
    if (note) report.timings.push({ path: 'webgl-fused', ms: null, note });
    return { ...on(p, `${choice.reason}; Langevin path forced by ?langevin=`), report };
  }
  if (request !== 'auto') {
    // ?backend= forced: the ops path on that backend, as asked (nothing measured).
    const p: EnginePath = `${choice.backend}-ops`;
    setLangevinPath('ops');
    return { choice, report: { ...base, chosen: p, source: 'forced', timings: [] } };
  }
  if (cached && cached.deviceKey === key && (await applyPath(cached.chosen)))
    return {
      ...on(cached.chosen, `${choice.reason}; autotuned earlier on this device`),
      report: { ...cached, source: 'cached', totalMs: 0 },
    };
  const t0 = performance.now();
  const timings = candidates(choice);
  for (const t of timings) {
    if (t.note) continue;
    if (performance.now() - t0 > AUTOTUNE_BUDGET_MS) {
      t.note = 'budget spent';
      continue;
    }
    try {
      if (t.path === 'webgl-fused' || t.path === 'webgl-ops') allowSoftwareWebgl();
      if (!(await applyPath(t.path))) t.note = 'backend did not start';
      else t.ms = timeSteps(settings, TUNE_CHAINS, 3, t0 + AUTOTUNE_BUDGET_MS);
    } catch (err) {
      t.note = `failed: ${err instanceof Error ? err.message.slice(0, 80) : String(err)}`;
    }
  }
  const measured = timings.filter((t) => t.ms !== null) as (PathTiming & { ms: number })[];
  const best = measured.sort((a, b) => a.ms - b.ms)[0]?.path ?? `${choice.backend}-ops`;
  timings.sort((a, b) => (a.ms ?? Infinity) - (b.ms ?? Infinity));
  const chosen: EnginePath = (await applyPath(best)) ? best : `${choice.backend}-ops`;
  if (chosen !== best) await applyPath(chosen);
  const totalMs = performance.now() - t0;
  const report: AutotuneReport = { ...base, chosen, source: 'measured', timings, totalMs };
  const why = measured.length > 1 ? 'fastest measured' : 'the only path measured';
  return { ...on(chosen, `${choice.reason}; autotune: ${why}`), report };
}
