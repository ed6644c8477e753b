// What a frame carries for classes and out-of-distribution scores (issue #11), beside the
// energy grid. All arrays are small or fixed-size and are transferred with the frame.

/** The classifier's side of a JEM frame. */
export interface ClassFrame {
  /** K, the number of logits. */
  classes: number;
  /** Logits f(x)[y] on the G×G grid, cell-major: index (j·G + i)·K + y. */
  logits: Float32Array;
  /** argmax_y f(x)[y] at every displayed sample (the class the model gives it). */
  sampleClass: Uint8Array;
}

/**
 * Scores of the points, computed exactly in the engine (not from the grid), each frame.
 * NaN where it does not apply (no outliers; not a classifier).
 */
export interface PointScores {
  /** E(x) at every data point (outliers excluded), in point order. */
  dataEnergy: Float32Array;
  /** E(x) at every outlier point. */
  outlierEnergy: Float32Array;
  /** Share of data points whose argmax p(y|x) is their class. */
  accuracy: number;
  /** Mean max_y p(y|x) over the data points. */
  confidence: number;
  /** Expected calibration error over the data points (10 bins). */
  ece: number;
  /** AUROC of −E(x) separating data (positive) from outliers. */
  aurocEnergy: number;
  /** AUROC of max_y p(y|x) separating data from outliers (classifiers only). */
  aurocConfidence: number;
}
