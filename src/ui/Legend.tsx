// Colour key for βΔE = β(E − min E) and the marks on the plot.
import { useMemo } from 'react';
import { makeLut } from '../viz/colormap';
import { ENERGY_DOMAIN } from '../viz/levels';
import { SAMPLE_COLOUR } from '../viz/landscapeRenderer';

export function Legend() {
  const gradient = useMemo(() => {
    const lut = makeLut();
    const stops = [0, 64, 128, 192, 255].map(
      (i) => `rgb(${lut[i * 4]},${lut[i * 4 + 1]},${lut[i * 4 + 2]}) ${(i / 255) * 100}%`,
    );
    return `linear-gradient(to right, ${stops.join(', ')})`;
  }, []);
  return (
    <div className="legend">
      <div>
        <div className="ramp" style={{ background: gradient }} />
        <div className="ramp-labels">
          <span>0 (most probable)</span>
          <span>β(E − E_min) ≥ {ENERGY_DOMAIN}</span>
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
