// Colour key for the quantity the landscape shows (energy, exp(−βE), p_θ or log p_θ: the
// store's view.density) and the marks on the plot. Dark is always "more probable".
import { useMemo } from 'react';
import { usePrefs } from '../state/prefs';
import { useApp, useMetrics } from '../state/store';
import { rampGradient } from '../viz/colormap';
import { SAMPLE_COLOUR } from '../viz/landscapeRenderer';
import { colourKey } from '../viz/levels';

export function Legend() {
  const mode = useApp((a) => a.view.density);
  const scale = useMetrics((m) => m.latest?.densityScale ?? 0.5);
  const palette = usePrefs((p) => p.palette);
  const gradient = useMemo(() => rampGradient(palette), [palette]);
  const key = colourKey(mode, scale);
  return (
    <div className="legend">
      <div title={key.title}>
        <div className="ramp" style={{ background: gradient }} />
        <div className="ramp-labels" data-testid="colour-key">
          <span>{key.dark}</span>
          <span>{key.light}</span>
        </div>
      </div>
      <span className="mark">
        <i className="dot-point" /> data point
      </span>
      <span className="mark">
        <i className="dot-sample" style={{ background: SAMPLE_COLOUR }} /> MCMC sample
      </span>
    </div>
  );
}
