// Default kernel bandwidth for kde.ts, exported so the UI can show the value in use.

/**
 * Scott's rule for an isotropic kernel in d = 2: b = σ̄ · N^(−1/(d+4)) = σ̄ · N^(−1/6),
 * σ̄ = √((var x + var y)/2). In 2-D Silverman's factor (4/(d+2))^(1/(d+4)) is 1, so the
 * two rules agree. It assumes one Gaussian blob, so it over-smooths multi-modal sets.
 * Points are [x0, y0, x1, y1, …]; returns 0 for fewer than two points.
 */
export function scottBandwidth(points: ArrayLike<number>): number {
  const n = points.length >> 1;
  if (n < 2) return 0;
  let mx = 0;
  let my = 0;
  for (let k = 0; k < n; k++) {
    mx += points[2 * k];
    my += points[2 * k + 1];
  }
  mx /= n;
  my /= n;
  let v = 0;
  for (let k = 0; k < n; k++) v += (points[2 * k] - mx) ** 2 + (points[2 * k + 1] - my) ** 2;
  return Math.sqrt(v / (2 * (n - 1))) * n ** (-1 / 6);
}
