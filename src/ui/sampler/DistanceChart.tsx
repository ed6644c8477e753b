// "More steps, sharper samples": how far the chains are from the data (sliced Wasserstein-1,
// data units) against the sampler steps since sampling started. Redrawn at status rate.
// The curve normally falls (more steps, sharper samples); when it rises again the chains
// have found the model's own density, which short chains never show (ebm-anatomy).
import { useMemo } from 'react';
import { useSampling } from '../../state/store';
import { LineChartFigure } from '../LineChartFigure';

const OPTIONS = { xLabel: 'steps', waiting: 'waiting for samples…' };

export function DistanceChart() {
  const curve = useSampling((a) => a.curve);
  const last = curve.distance[curve.distance.length - 1];
  const best = Math.min(...curve.distance);
  const steps = curve.steps[curve.steps.length - 1] ?? 0;
  // Exact samplers run long enough reach the model's own density; when that is further from
  // the data than the short-run chains were, the curve comes back up: worth saying why.
  const rising = steps >= 50 && last !== undefined && last > 1.3 * best + 0.05;
  const series = useMemo(
    () => [{ label: 'distance', colour: '#ea580c', values: curve.distance }],
    [curve],
  );
  return (
    <LineChartFigure
      className="distance-chart"
      title={
        <>
          Samples → data distance (sliced W₁){' '}
          <b data-testid="sample-distance">{last === undefined ? '–' : last.toFixed(3)}</b>
        </>
      }
      ariaLabel="Distance of the samples to the data vs steps"
      series={series}
      xs={curve.steps}
      options={OPTIONS}
      showKey={false}
    >
      {rising && (
        <p className="sampler-hint" data-testid="distance-rising">
          Rising again: the longer the chains run, the closer they get to the model&apos;s own
          density, and that is further from the data than the early samples were. Short chains
          flatter the model; train longer (or watch exp(−βE)) to see its real shape.
        </p>
      )}
    </LineChartFigure>
  );
}
