// The status line's account of the engine's path: which one runs (the autotuner's choice,
// a cached one, or one forced by ?langevin=), the timings behind the choice, and a button that
// measures this device again.
import { pathLabel, type AutotuneReport } from '../contract/autotune';
import { engine } from '../state/engine';

/** The full account (tooltip), or only the measured timings (inline). */
function timingsText(r: AutotuneReport, full = true): string {
  const parts = r.timings
    .filter((t) => full || t.ms !== null)
    .map((t) =>
      t.ms !== null
        ? `${pathLabel(t.path)} ${t.ms.toFixed(1)} ms`
        : `${pathLabel(t.path)}: ${t.note}`,
    );
  const how =
    r.source === 'forced'
      ? 'forced by the URL'
      : r.source === 'cached'
        ? 'measured on an earlier visit'
        : `measured in ${r.totalMs.toFixed(0)} ms`;
  const what = full ? `Langevin step, ${r.chains} chains: ` : '';
  return `${what}${parts.join(', ') || 'not measured'} (${how})`;
}

export function PathDetails({ report }: { report: AutotuneReport }) {
  return (
    <span className="path" title={timingsText(report)}>
      path <b data-testid="langevin-path">{pathLabel(report.chosen)}</b>{' '}
      <span className="reason" data-testid="autotune-timings">
        {timingsText(report, false)}
      </span>{' '}
      <button type="button" className="link" onClick={() => engine.remeasure()}>
        re-measure
      </button>
    </span>
  );
}
