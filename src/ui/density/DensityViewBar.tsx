// Under the landscape: what the colours show (energy, exp(−βE), pθ, log pθ), log Z with a
// one-line explanation, and a warning when the view box does not hold the model's mass.
import type { ReactNode } from 'react';
import { useApp, useMetrics } from '../../state/store';
import { useHidden } from '../persist/hidden';
import { DENSITY_MODES, type DensityMode } from '../../contract/view';
import { fmt, pct } from './format';
import './density.css';

export const MODE_LABELS: Record<DensityMode, ReactNode> = {
  energy: 'Energy E',
  unnormalised: 'exp(−βE)',
  density: (
    <>
      Density p<sub>θ</sub>
    </>
  ),
  logdensity: (
    <>
      log p<sub>θ</sub>
    </>
  ),
};

const MODE_HINTS: Record<DensityMode, string> = {
  energy: 'The energy itself, relative to its minimum. Only differences of E matter.',
  unnormalised:
    'exp(−βE) has the shape of the density but no fixed scale: adding a constant to E rescales it.',
  density: 'The normalised density pθ = exp(−βE)/Z: it integrates to 1 over the box.',
  logdensity: 'log pθ = −βE − log Z: the energy with its offset fixed by the normalisation.',
};

export function DensityViewBar() {
  const mode = useApp((a) => a.view.density);
  const setView = useApp((a) => a.setView);
  const logZ = useMetrics((m) => m.latest?.logZ);
  const border = useMetrics((m) => m.latest?.borderMass);
  // The engine's health check decides (its threshold knows the grid); the bar only words it.
  const borderWarned = useMetrics((m) => m.warnings.some((w) => w.id === 'border'));
  const hideView = useHidden('view'); // a classroom link can fix the view
  return (
    <div className="density-bar">
      <div className="density-bar-row">
        {!hideView && (
          <div className="seg" role="radiogroup" aria-label="Colour the landscape by">
            {DENSITY_MODES.map((m) => (
              <button
                key={m}
                role="radio"
                aria-checked={mode === m}
                title={MODE_HINTS[m]}
                onClick={() => setView({ density: m })}
              >
                {MODE_LABELS[m]}
              </button>
            ))}
          </div>
        )}
        <span
          className="logz"
          title="Z = ∫ exp(−βE(x)) dx over the view box, by the midpoint rule on the 128 × 128 grid (log-sum-exp, so no overflow)."
        >
          log Z = <b data-testid="logz">{fmt(logZ)}</b>
        </span>
      </div>
      <p className="density-caption">
        {MODE_HINTS[mode]} <b>Z</b> is the total of exp(−βE) over the box; dividing by it turns
        exp(−βE) into a probability density.
      </p>
      {border !== undefined && borderWarned && (
        <p className="density-warn" role="status">
          ⚠ {pct(border)} of the model’s mass lies on the edge of the plot: the view box does not
          contain the mass, so log Z, NLL and KL are only approximate.
        </p>
      )}
    </div>
  );
}
