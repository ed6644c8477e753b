// Negative log-likelihood of the data under the normalised model:
//   NLL = (1/N) Σ_n −log p_θ(x_n) = (1/N) Σ_n [βE(x_n) + log Z] = β·mean E(data) + log Z
// in nats per point. Unlike the CD loss it is offset-free (a constant added to E moves
// log Z by −β·constant and cancels), so its history is comparable across iterations.
// log Z comes from partition.ts and covers the view box only: data outside the box, or
// model mass outside it, make the NLL optimistic or pessimistic accordingly.

/**
 * NLL in nats per point, given E at the data points (from the same model and β used for
 * log Z). NaN for no points.
 */
export function nll(energyAtData: ArrayLike<number>, logZ: number, beta = 1): number {
  const n = energyAtData.length;
  if (n === 0) return NaN;
  let s = 0;
  for (let k = 0; k < n; k++) s += energyAtData[k];
  return (beta * s) / n + logZ;
}

/** The same in bits per point (÷ ln 2), for a read-out that does not say "nats". */
export function nllBits(energyAtData: ArrayLike<number>, logZ: number, beta = 1): number {
  return nll(energyAtData, logZ, beta) / Math.LN2;
}
