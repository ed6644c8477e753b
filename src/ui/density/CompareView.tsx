// The compare view (issue 12): a switch that trains an exact maximum-likelihood reference
// beside the run, from the same initial weights on the same data, and shows its density on
// the same colour scale as the panels above, with both KLs measured the same way. What it
// teaches: exact ML is the gradient every sampler-based objective approximates, so the gap
// between the two KLs is what the chosen objective and sampler cost.
import { useRef } from 'react';
import { OBJECTIVE_SPECS } from '../../contract/objectives';
import { compareGrids } from '../../state/frameHolder';
import { useApp } from '../../state/store';
import { fmt } from './format';
import { useDensityCanvas } from './useDensityCanvas';

const PANEL = 196;

function ReferencePanel() {
  const ref = useRef<HTMLCanvasElement>(null);
  useDensityCanvas(ref, PANEL, true, compareGrids, () => ({
    density: compareGrids.latest?.density ?? null,
    gridSize: compareGrids.latest?.gridSize ?? 0,
  }));
  return (
    <figure className="density-panel">
      <canvas
        ref={ref}
        style={{ width: PANEL, height: PANEL }}
        role="img"
        aria-label="Exact maximum-likelihood reference: its normalised density"
        data-testid="panel-reference"
      />
      <figcaption>
        <b>④ Exact ML reference</b>
        <span>same start, exact gradient</span>
      </figcaption>
    </figure>
  );
}

export function CompareView() {
  const c = useApp((a) => a.compare);
  const setCompare = useApp((a) => a.setCompare);
  const objective = useApp((a) => a.settings.objective);
  const playing = useApp((a) => a.playing);
  const name = OBJECTIVE_SPECS[objective].short;
  return (
    <div className="density-compare-view">
      <label className="inline">
        <input
          type="checkbox"
          checked={c.on}
          data-testid="compare-toggle"
          onChange={(e) => setCompare(e.target.checked)}
        />
        Compare with exact maximum likelihood: train a reference beside this run
      </label>
      {c.on && (
        <div className="density-compare-body">
          <ReferencePanel />
          <p data-testid="compare-readout">
            KL(data ‖ model) on a 64×64 grid, iteration {c.iteration}:
            <br />
            <b>{name}</b> (this run): <b data-testid="compare-kl-run">{fmt(c.klRun)}</b> nats
            <br />
            <b>Exact ML</b> (reference): <b data-testid="compare-kl-ref">{fmt(c.klReference)}</b>{' '}
            nats
            <br />
            <span className="density-muted">
              The reference computes E<sub>pθ</sub>[∂θE] exactly as a sum over grid cells, with no
              sampler. The gap between the two numbers is what sampling costs this run.
              {playing ? '' : ' Press Play: the reference trains only while the run does.'}
            </span>
          </p>
        </div>
      )}
    </div>
  );
}
