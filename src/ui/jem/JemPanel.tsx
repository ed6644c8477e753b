// Classes and out-of-distribution (issue #11): the JEM switch (classifier only vs JEM), the
// classifier's views, sampling p(x|y), and the read-outs: accuracy, mean confidence and ECE on
// the points; AUROC of −E(x) (and for JEM of max p(y|x)) separating data from outliers.
import { CLASS_COLOURS, CLASS_NAMES } from '../../contract/classes';
import { useApp } from '../../state/store';
import type { ClassViewMode } from '../../viz/classLayer';
import { modelPatch } from '../sampler/SamplerPanel';
import { useJemView } from './jemView';
import './jem.css';
import { useScores } from './useScores';

const VIEWS: [ClassViewMode, string][] = [
  ['regions', 'Class regions'],
  ['energy', 'Energy E(x)'],
  ['classEnergy', 'E(x, y)'],
];

const num = (v: number | undefined, digits = 3) =>
  v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits);
const pct = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? '—' : `${(100 * v).toFixed(1)} %`;

function ClassButtons({
  value,
  onPick,
  label,
}: {
  value: number | undefined;
  onPick: (k: number) => void;
  label: string;
}) {
  return (
    <div className="seg class-picker" role="radiogroup" aria-label={label}>
      {CLASS_COLOURS.map((c, k) => (
        <button
          key={c}
          role="radio"
          aria-checked={value === k}
          aria-label={`${label}: ${CLASS_NAMES[k]}`}
          onClick={() => onPick(k)}
        >
          <i className="swatch" style={{ background: c }} />
          {k + 1}
        </button>
      ))}
    </div>
  );
}

export function JemPanel() {
  const settings = useApp((a) => a.settings);
  const setSettings = useApp((a) => a.setSettings);
  const outliers = useApp((a) => a.points.filter((p) => p.role === 'outlier').length);
  const v = useJemView();
  const { scores } = useScores();
  const jem = settings.model === 'jem';
  const classifierOnly = jem && settings.jemLambda === 0;
  return (
    <section className="panel jem-panel" aria-label="Classes and out-of-distribution">
      <h2>Classes &amp; OOD</h2>
      {!jem ? (
        <p className="hint">
          A classifier is secretly an energy model:{' '}
          <button onClick={() => setSettings(modelPatch(settings, 'jem'))}>Use JEM</button>
        </p>
      ) : (
        <>
          <div className="seg" role="radiogroup" aria-label="Training objective of the classifier">
            <button
              role="radio"
              aria-checked={classifierOnly}
              onClick={() => setSettings({ jemLambda: 0 })}
            >
              Classifier only
            </button>
            <button
              role="radio"
              aria-checked={!classifierOnly}
              onClick={() => setSettings({ jemLambda: 1 })}
            >
              JEM (+ generative)
            </button>
          </div>
          {classifierOnly && (
            <p className="hint warn" data-testid="classifier-only-note">
              Classifier only: cross-entropy fixes only the differences between logits, so E(x) =
              −logsumexp f(x) is never trained. Far from the points it is arbitrary: look at the
              energy view.
            </p>
          )}
          <div className="seg" role="radiogroup" aria-label="Classifier view">
            {VIEWS.map(([m, label]) => (
              <button
                key={m}
                role="radio"
                aria-checked={v.view === m}
                onClick={() => v.set({ view: m })}
              >
                {label}
              </button>
            ))}
          </div>
          {v.view === 'classEnergy' && (
            <ClassButtons
              label="Class y of E(x, y)"
              value={v.viewClass}
              onPick={(k) => v.set({ viewClass: k })}
            />
          )}
          <div className="jem-row">
            <span>Sample p(x | y):</span>
            <button
              aria-pressed={settings.sampleClass === undefined}
              onClick={() => setSettings({ sampleClass: undefined })}
            >
              p(x)
            </button>
            <ClassButtons
              label="Sample class"
              value={settings.sampleClass}
              onPick={(k) => setSettings({ sampleClass: k, mode: 'sample' })}
            />
          </div>
          <dl className="jem-readouts" data-testid="jem-readouts">
            <dt>Accuracy</dt>
            <dd data-testid="jem-accuracy">{pct(scores?.accuracy)}</dd>
            <dt>Mean confidence</dt>
            <dd>{pct(scores?.confidence)}</dd>
            <dt title="Expected calibration error: Σ (n_b/N)|accuracy_b − confidence_b| over 10 bins">
              ECE
            </dt>
            <dd data-testid="jem-ece">{num(scores?.ece)}</dd>
          </dl>
        </>
      )}
      <h3>Out of distribution</h3>
      <p className="hint">
        {outliers === 0
          ? 'Mark outliers with the ✕ Outlier tool: the AUROC says how well −E(x) separates data from them.'
          : `${outliers} outlier${outliers > 1 ? 's' : ''} (never trained on).`}
      </p>
      <dl className="jem-readouts">
        <dt title="P(E(outlier) > E(data)): 1 = every outlier has a higher energy than every data point">
          AUROC of −E(x)
        </dt>
        <dd data-testid="ood-auroc">{num(scores?.aurocEnergy)}</dd>
        {jem && (
          <>
            <dt title="The classifier's confidence as an OOD score, for comparison">
              AUROC of max p(y|x)
            </dt>
            <dd data-testid="ood-auroc-confidence">{num(scores?.aurocConfidence)}</dd>
          </>
        )}
      </dl>
      <label className="jem-row">
        <input
          type="checkbox"
          checked={v.oodContour}
          onChange={(e) => v.set({ oodContour: e.target.checked })}
        />
        <span>OOD contour at</span>
        <input
          type="number"
          aria-label="Percentile of data energy for the threshold"
          min={50}
          max={99.9}
          step={0.5}
          value={v.oodPercentile}
          onChange={(e) => {
            const q = Number(e.target.value);
            if (q >= 50 && q <= 99.9) v.set({ oodPercentile: q });
          }}
        />
        <span>% of data E</span>
      </label>
    </section>
  );
}
