// Calibration of a classifier's probabilities p(y | x) on labelled points (plain JS).
// For each point: prediction ŷ = argmax_y p(y|x) (ties: the first), confidence c = p(ŷ|x),
// correct = [ŷ = label]. With B equal-width bins on [0, 1] (point → bin min(⌊c·B⌋, B − 1),
// i.e. [b/B, (b+1)/B), the last one closed at 1; a confidence on an edge can change bin
// under float32 rounding):
//   acc_b  = mean correct in bin b,   conf_b = mean confidence in bin b,  n_b = its count,
//   ECE    = Σ_b (n_b / N)·|acc_b − conf_b|      (expected calibration error, Guo et al. 2017)
//   MCE    = max_b |acc_b − conf_b| over non-empty bins.
// A calibrated classifier (confidence 0.8 → right 80 % of the time) has ECE ≈ 0; by the
// triangle inequality ECE ≥ |accuracy − mean confidence| (the one-bin ECE).

export interface CalibrationBin {
  lo: number;
  hi: number;
  count: number;
  /** Mean correctness and mean confidence in the bin (NaN when empty). */
  accuracy: number;
  confidence: number;
}

export interface Calibration {
  /** Share of points predicted correctly. */
  accuracy: number;
  /** Mean confidence max_y p(y|x). */
  confidence: number;
  ece: number;
  mce: number;
  bins: CalibrationBin[];
}

/** Views of a flat row-major [N, K] array (e.g. a dataSync() of softmax) as N rows. */
export function rowsOf<T extends Float32Array | Float64Array>(flat: T, classes: number): T[] {
  const n = flat.length / classes;
  if (!Number.isInteger(n)) throw new Error(`${flat.length} values are not rows of ${classes}`);
  return Array.from({ length: n }, (_, i) => flat.subarray(i * classes, (i + 1) * classes) as T);
}

/** Accuracy, mean confidence, ECE and MCE of probability rows against integer labels. */
export function calibration(
  probs: readonly ArrayLike<number>[],
  labels: ArrayLike<number>,
  nBins = 10,
): Calibration {
  const N = probs.length;
  if (labels.length !== N) throw new Error(`${N} probability rows but ${labels.length} labels`);
  if (!Number.isInteger(nBins) || nBins < 1) throw new Error(`bad bin count ${nBins}`);
  const count = new Array<number>(nBins).fill(0);
  const correctSum = new Array<number>(nBins).fill(0);
  const confSum = new Array<number>(nBins).fill(0);
  let correctAll = 0;
  let confAll = 0;
  for (let n = 0; n < N; n++) {
    const row = probs[n];
    let best = 0;
    for (let k = 1; k < row.length; k++) if (row[k] > row[best]) best = k;
    const c = row[best];
    const ok = best === labels[n] ? 1 : 0;
    const b = Math.min(Math.max(Math.floor(c * nBins), 0), nBins - 1);
    count[b]++;
    correctSum[b] += ok;
    confSum[b] += c;
    correctAll += ok;
    confAll += c;
  }
  let ece = 0;
  let mce = 0;
  const bins = count.map((m, b) => {
    const accuracy = m > 0 ? correctSum[b] / m : NaN;
    const confidence = m > 0 ? confSum[b] / m : NaN;
    if (m > 0) {
      const gap = Math.abs(accuracy - confidence);
      ece += (m / N) * gap;
      mce = Math.max(mce, gap);
    }
    return { lo: b / nBins, hi: (b + 1) / nBins, count: m, accuracy, confidence };
  });
  return {
    accuracy: N > 0 ? correctAll / N : NaN,
    confidence: N > 0 ? confAll / N : NaN,
    ece: N > 0 ? ece : NaN,
    mce: N > 0 ? mce : NaN,
    bins,
  };
}
