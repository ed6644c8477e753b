// Recovering missing coordinates: clamp x = c (or y = c) by clicking an axis or typing a
// value; sample mode then moves only the other coordinate and the strip beside the plot
// compares the chains' histogram with the exact conditional. "Drop & restore" (a point tool)
// drops a noisy point that low-temperature Langevin carries back to the data.
import { RESTORE } from '../../contract/experts';
import { useApp } from '../../state/store';
import './compose.css';

const AXES = [
  { axis: null, label: 'Off' },
  { axis: 0, label: 'x = c' },
  { axis: 1, label: 'y = c' },
] as const;

export function RecoveryPanel() {
  const clamp = useApp((a) => a.clamp);
  const path = useApp((a) => a.restorePath);
  const app = useApp.getState();
  const value = clamp?.value ?? 0;
  const setValue = (v: number) => {
    if (!clamp || !Number.isFinite(v)) return;
    app.setClamp({ axis: clamp.axis, value: Math.max(-4, Math.min(4, v)) });
  };
  const n = path ? path.length / 2 : 0;
  return (
    <section className="panel recovery" aria-label="Recover coordinates">
      <h2>Recover coordinates</h2>
      <div className="clamp-row">
        <div className="seg" role="radiogroup" aria-label="Clamp a coordinate">
          {AXES.map(({ axis, label }) => (
            <button
              key={label}
              role="radio"
              aria-checked={(clamp?.axis ?? null) === axis}
              onClick={() => app.setClamp(axis === null ? null : { axis, value })}
            >
              {label}
            </button>
          ))}
        </div>
        <label className="inline">
          <span>c</span>
          <input
            type="number"
            aria-label="Clamped value c"
            data-testid="clamp-value"
            step={0.1}
            min={-4}
            max={4}
            disabled={!clamp}
            value={value}
            onChange={(e) => setValue(Number(e.target.value))}
          />
        </label>
      </div>
      <p className="hint">
        Or click the x or y axis of the plot. The strip beside it shows the exact p(y | x = c)
        (curve) and the clamped chains’ histogram (bars), with their total-variation distance.
      </p>
      <p className="hint">
        <strong>Drop &amp; restore</strong> (point tool): click to drop a noisy point; Langevin at β
        × {RESTORE.beta} runs {RESTORE.steps} steps of ε = {RESTORE.stepSize} and its path is drawn
        {clamp ? ', holding the clamped coordinate' : ''}.
      </p>
      {path && (
        <p className="restore-result" data-testid="restore-result">
          Restored ({path[0].toFixed(2)}, {path[1].toFixed(2)}) → ({path[2 * n - 2].toFixed(2)},{' '}
          {path[2 * n - 1].toFixed(2)}) in {n - 1} steps{' '}
          <button onClick={() => app.setRestorePath(null)}>Clear path</button>
        </p>
      )}
    </section>
  );
}
