// Learning-rate annealing. The negative phase is a Monte Carlo estimate, so every step's
// gradient is noisy, and at a constant learning rate η the parameters keep wandering at a
// distance that grows with η: the mode masses of a mixture swing by ±0.1–0.3 around their
// data shares (8 gaussians, η = 1e-2) instead of settling. Stochastic approximation
// (Robbins–Monro) needs Σ ηₜ = ∞ with ηₜ → 0; the page's runs are short, so it uses a cosine
// from η to ANNEAL_FLOOR·η over T iterations, then holds the floor:
//   ηₜ = η · (f + (1 − f) · ½ (1 + cos(π t / T)))   for t < T,   ηₜ = f · η   for t ≥ T.
// Measured with npm run fidelity (1500 iterations, wasm, MALA, restarts from the model):
// 8 gaussians KL 0.49 → 0.11 (floor 0.15), worst mode-mass error 0.16 → 0.065; 5 unequal
// gaussians 0.28 → 0.09 (floor 0.12), 0.17 → 0.046. t counts from the last data change
// (training.ts), so moving a point starts a new schedule. T = 0 keeps η constant.
export const ANNEAL_FLOOR = 0.05;

/** The factor on the learning rate at iteration t of a schedule over T iterations. */
export function annealFactor(t: number, T: number): number {
  if (T <= 0) return 1;
  if (t >= T) return ANNEAL_FLOOR;
  return ANNEAL_FLOOR + (1 - ANNEAL_FLOOR) * 0.5 * (1 + Math.cos((Math.PI * t) / T));
}
