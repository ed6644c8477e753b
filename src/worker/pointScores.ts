// Scores of the points, read back with each frame (issue #11): the energy E(x) at every data
// point and every outlier, and for a JEM classifier its logits there, from which
//   accuracy   = mean [argmax_y p(y|x) = class],   confidence = mean max_y p(y|x),
//   ECE        = Σ_b (n_b/N)|acc_b − conf_b|       (ebm/jem/calibration.ts, 10 bins),
//   AUROC(−E)  = P(E(outlier) > E(data)) + ½P(=)   (ebm/ood.ts; data are the positives),
//   AUROC(max p(y|x)) = P(conf(data) > conf(outlier)) + ½P(=).
// Exact values at the points, not grid interpolations. The rows (data, then outliers, then
// zeros) are padded to a power of two ≥ 64, so the shapes change only when the count crosses
// one (no new shaders per edited point). A JEM also sends its logits on the grid (the class
// regions and E(x, y) views) and the class it gives every chain.
import type { ClassFrame, PointScores } from '../contract/jem';
import { calibration } from '../ebm/jem/calibration';
import { isJem, type JemModel } from '../ebm/jem/jemModel';
import type { EnergyModel } from '../ebm/energy';
import { auroc } from '../ebm/ood';
import { tf, type Tensor2D } from '../ebm/tf';

/** The page's points as the engine keeps them: data (with classes) and outliers. */
export interface ScoredPoints {
  points: Float32Array;
  labels: Uint8Array | null;
  outliers: Float32Array;
}

/** Rows scored: a power of two ≥ 64 holding data and outliers. */
export function paddedRows(n: number): number {
  let p = 64;
  while (p < n) p *= 2;
  return p;
}

/** Data, then outliers, then zero rows: [P, 2]. */
function rowsTensor(sp: ScoredPoints): Tensor2D {
  const n = (sp.points.length + sp.outliers.length) / 2;
  const buf = new Float32Array(2 * paddedRows(n));
  buf.set(sp.points, 0);
  buf.set(sp.outliers, sp.points.length);
  return tf.tensor2d(buf, [buf.length / 2, 2]);
}

/** What to read back for the scores, flattened: logits [P·K] (JEM) or energies [P]. Tidy. */
export function scoreTensor(model: EnergyModel, sp: ScoredPoints): tf.Tensor1D {
  const x = rowsTensor(sp);
  return tf.reshape(isJem(model) ? model.logits(x) : model.energy(x), [-1]) as tf.Tensor1D;
}

/** Its length, to slice the readback: P·K or P. */
export function scoreLength(model: EnergyModel, sp: ScoredPoints): number {
  const P = paddedRows((sp.points.length + sp.outliers.length) / 2);
  return isJem(model) ? P * model.classes : P;
}

/** −logsumexp and softmax of one row of logits (float64, max-shifted). */
function rowStats(f: Float32Array, at: number, K: number, probs: Float64Array): number {
  let m = -Infinity;
  for (let y = 0; y < K; y++) m = Math.max(m, f[at + y]);
  let z = 0;
  for (let y = 0; y < K; y++) z += Math.exp(f[at + y] - m);
  for (let y = 0; y < K; y++) probs[y] = Math.exp(f[at + y] - m) / z;
  return -(m + Math.log(z));
}

/** The scores from the readback `values` (scoreTensor's layout). */
export function decodeScores(
  values: Float32Array,
  sp: ScoredPoints,
  classes: number | null,
): PointScores {
  const nData = sp.points.length / 2;
  const nOut = sp.outliers.length / 2;
  const dataEnergy = new Float32Array(nData);
  const outlierEnergy = new Float32Array(nOut);
  const none = { accuracy: NaN, confidence: NaN, ece: NaN, aurocConfidence: NaN };
  if (classes === null) {
    dataEnergy.set(values.subarray(0, nData));
    outlierEnergy.set(values.subarray(nData, nData + nOut));
    return { dataEnergy, outlierEnergy, ...none, aurocEnergy: auroc(outlierEnergy, dataEnergy) };
  }
  const K = classes;
  const rows: Float64Array[] = [];
  const conf = new Float64Array(nData + nOut);
  for (let r = 0; r < nData + nOut; r++) {
    const p = new Float64Array(K);
    const e = rowStats(values, r * K, K, p);
    if (r < nData) {
      dataEnergy[r] = e;
      rows.push(p);
    } else outlierEnergy[r - nData] = e;
    conf[r] = Math.max(...p);
  }
  const labels = Array.from({ length: nData }, (_, i) =>
    sp.labels && i < sp.labels.length ? sp.labels[i] : 0,
  );
  const cal = nData > 0 ? calibration(rows, labels) : null;
  return {
    dataEnergy,
    outlierEnergy,
    accuracy: cal?.accuracy ?? NaN,
    confidence: cal?.confidence ?? NaN,
    ece: cal?.ece ?? NaN,
    aurocEnergy: auroc(outlierEnergy, dataEnergy),
    aurocConfidence: auroc(conf.subarray(0, nData), conf.subarray(nData)),
  };
}

/**
 * A JEM's grid logits [G²·K] (unless null: reused from an earlier frame) and its class at
 * every chain [M] (as floats), flattened. Call inside tidy.
 */
export function classTensors(
  model: JemModel,
  gridLogits: Tensor2D | null,
  chains: Tensor2D,
): tf.Tensor1D[] {
  const sampleClass = tf.cast(tf.argMax(model.logits(chains), 1), 'float32') as tf.Tensor1D;
  return gridLogits ? [tf.reshape(gridLogits, [-1]) as tf.Tensor1D, sampleClass] : [sampleClass];
}

/** The class frame from the readback: logits (or the cached ones), then the chains' classes. */
export function decodeClasses(
  values: Float32Array,
  G: number,
  K: number,
  chains: number,
  cached: Float32Array | null = null,
): ClassFrame {
  const n = cached ? 0 : G * G * K;
  return {
    classes: K,
    logits: cached ? cached.slice() : values.slice(0, n),
    sampleClass: Uint8Array.from(values.subarray(n, n + chains)),
  };
}
