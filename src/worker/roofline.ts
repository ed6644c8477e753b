// The bench's roofline (npm run bench): the device's sustained matmul rate for the MLP's
// shapes, and the achieved rate of one Langevin step on each path and of one training
// iteration, on the backend this worker runs. FLOP counts: ebm/fused/mlpSpec.ts (18,330 per
// chain-step of the 2-64-64-1 MLP). A training iteration of K Langevin steps on B chains plus
// the loss on B data + B negatives costs K·B·langevin + 2B·3·forward FLOP (the parameter
// gradient ≈ twice the forward pass), Adam's few FLOP per parameter left out.
import { setLangevinPath, langevinPath } from '../ebm/fused/path';
import { energyFlopsPerPoint, langevinFlopsPerChainStep } from '../ebm/fused/mlpSpec';
import { tf } from '../ebm/tf';
import { timeSteps } from './autotune';
import type { Settings } from '../contract/settings';

const W = 64;
const D = 2;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Sustained GFLOP/s of [n, W] × [W, W] matmuls (the hidden layer's shape), 8 chained. */
export function matmulPeak(n: number): number {
  const a = tf.randomNormal([n, W], 0, 0.1, 'float32', 1) as tf.Tensor2D;
  const b = tf.randomNormal([W, W], 0, 0.1, 'float32', 2) as tf.Tensor2D;
  const chain = 8;
  const once = () => {
    const y = tf.tidy(() => {
      let h = a;
      for (let i = 0; i < chain; i++) h = tf.matMul(h, b);
      return h;
    });
    y.dataSync();
    y.dispose();
  };
  once();
  once();
  const ts: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    once();
    ts.push(performance.now() - t0);
  }
  a.dispose();
  b.dispose();
  return (chain * 2 * n * W * W) / (median(ts) * 1e6);
}

/** Roofline rows for this backend: peak, Langevin per path, training iteration. */
export function roofline(settings: Settings, iterMs: number): Record<string, number> {
  const out: Record<string, number> = {};
  const s = { ...settings, width: W, depth: D };
  out['peak matmul GFLOP/s [8192x64]x[64x64]'] = matmulPeak(8192);
  out['peak matmul GFLOP/s [1024x64]x[64x64]'] = matmulPeak(1024);
  const lf = langevinFlopsPerChainStep(W, D);
  const before = langevinPath();
  for (const n of [1024, 8192]) {
    setLangevinPath('ops');
    const ms = timeSteps(s, n, 5);
    out[`Langevin step ms N=${n} (ops)`] = ms;
    out[`Langevin GFLOP/s N=${n} (ops)`] = (n * lf) / (ms * 1e6);
    if (tf.getBackend() === 'webgl') {
      setLangevinPath('fused');
      const fm = timeSteps(s, n, 5);
      out[`Langevin step ms N=${n} (fused)`] = fm;
      out[`Langevin GFLOP/s N=${n} (fused)`] = (n * lf) / (fm * 1e6);
    }
  }
  setLangevinPath(before);
  const B = 256;
  const K = 20;
  const iterFlops = K * B * lf + 2 * B * 3 * energyFlopsPerPoint(W, D);
  out['training iteration GFLOP/s'] = iterFlops / (iterMs * 1e6);
  return out;
}
