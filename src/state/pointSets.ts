// The page's points as the engine takes them (issue #11): the data points [x0, y0, …] with each
// one's class beside it, and the outliers apart. Outliers are never trained on and never enter
// the density metrics; the engine only scores them (AUROC of −E(x) and of max p(y|x)).
import { classOf } from '../contract/classes';
import type { Point } from './schema';

export interface PointSets {
  points: Float32Array;
  labels: Uint8Array;
  outliers: Float32Array;
}

export const isOutlier = (p: Point): boolean => p.role === 'outlier';

export function splitPoints(all: readonly Point[]): PointSets {
  const data = all.filter((p) => !isOutlier(p));
  const out = all.filter(isOutlier);
  const points = new Float32Array(2 * data.length);
  const labels = new Uint8Array(data.length);
  data.forEach((p, i) => {
    points[2 * i] = p.x;
    points[2 * i + 1] = p.y;
    labels[i] = classOf(p.label);
  });
  const outliers = new Float32Array(2 * out.length);
  out.forEach((p, i) => {
    outliers[2 * i] = p.x;
    outliers[2 * i + 1] = p.y;
  });
  return { points, labels, outliers };
}
