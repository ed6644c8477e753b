// The sampler panel: train or sample, which model and which sampler (both from their
// registries), the sampler's own parameters (its rows of the settings table), steps per frame, and the live read-outs of sample mode (acceptance, steps,
// distance of the chains to the data against steps). Gibbs is offered only for the RBM;
// switching the model to the MLP while Gibbs is chosen switches the sampler to Langevin.
import { useId } from 'react';
import { MODEL_SPECS } from '../../contract/models';
import { SAMPLER_SPECS } from '../../contract/samplers';
import {
  effectiveSampler,
  MODELS,
  samplersFor,
  type ModelName,
  type SamplerName,
  type Settings,
} from '../../contract/settings';
import { engine } from '../../state/engine';
import { useApp, useSampling } from '../../state/store';
import { useHidden } from '../persist/hidden';
import { SettingSliders } from '../SettingGroup';
import { DistanceChart } from './DistanceChart';
import './sampler.css';

const pct = (v: number) => `${Math.round(v * 100)} %`;

/** A patch that switches the model, keeping the sampler valid for it. */
export function modelPatch(s: Settings, model: ModelName): Partial<Settings> {
  return effectiveSampler({ ...s, model }) === s.sampler
    ? { model }
    : { model, sampler: 'langevin' };
}

function Seg<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly (readonly [T, string])[];
  onChange: (v: T) => void;
}) {
  return (
    <div className="seg" role="radiogroup" aria-label={label}>
      {options.map(([v, text]) => (
        <button key={v} role="radio" aria-checked={value === v} onClick={() => onChange(v)}>
          {text}
        </button>
      ))}
    </div>
  );
}

export function SamplerPanel() {
  const s = useApp((a) => a.settings);
  const set = useApp((a) => a.setSettings);
  const accept = useApp((a) => a.stats?.acceptRate ?? null);
  const steps = useSampling((a) => a.steps);
  const stepsPerSec = useSampling((a) => a.stepsPerSec);
  const trails = useSampling((a) => a.trails);
  const setTrails = useApp((a) => a.setTrails);
  const hideMode = useHidden('mode');
  const hideModel = useHidden('model');
  const hideSampler = useHidden('sampler');
  const selectId = useId();
  const name = effectiveSampler(s);
  const info = SAMPLER_SPECS[name];
  const sampling = s.mode === 'sample';
  return (
    <section className="panel sampler-panel" aria-label="Sampler">
      <h2>Sampler</h2>
      <div className="sampler-row">
        {!hideMode && (
          <Seg
            label="Mode"
            value={s.mode}
            options={[
              ['train', 'Train'],
              ['sample', 'Sample'],
            ]}
            onChange={(mode) => set({ mode })}
          />
        )}
        {!hideModel && (
          <Seg
            label="Model"
            value={s.model}
            options={MODELS.map((m) => [m, MODEL_SPECS[m].short] as const)}
            onChange={(model) => set(modelPatch(s, model))}
          />
        )}
      </div>
      {!hideSampler && (
        <div className="sampler-row">
          <label htmlFor={selectId}>Sampler</label>
          <select
            id={selectId}
            data-testid="sampler-select"
            value={name}
            onChange={(e) => set({ sampler: e.target.value as SamplerName })}
          >
            {samplersFor(s.model).map((n) => (
              <option key={n} value={n} title={SAMPLER_SPECS[n].label}>
                {SAMPLER_SPECS[n].short}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="sampler-hint" data-testid="sampler-explained">
        {info.explanation}
      </p>
      <SettingSliders group="sampler" />
      <SettingSliders group="sampling" />
      {(sampling || info.reportsAcceptance || accept !== null) && (
        <div className="sampler-readout" role="status" aria-live="off">
          <span title="Share of proposals accepted (accept/reject samplers only)">
            acceptance{' '}
            <b data-testid="accept-rate">
              {accept !== null ? pct(accept) : info.reportsAcceptance ? '…' : 'always'}
            </b>
          </span>
          {sampling && (
            <>
              <span>
                steps <b data-testid="sample-steps">{steps}</b>
              </span>
              <span>
                <b>{Math.round(stepsPerSec)}</b> steps/s
              </span>
            </>
          )}
        </div>
      )}
      {sampling && (
        <>
          <DistanceChart />
          <div className="sampler-row">
            <label className="inline">
              <input
                type="checkbox"
                checked={trails}
                onChange={(e) => setTrails(e.target.checked)}
              />
              Trails
            </label>
            <button onClick={() => engine.restartChains()} title="Every chain restarts uniformly">
              Restart chains
            </button>
          </div>
          <p className="sampler-hint">
            The model is frozen. Click the landscape to start 16 chains there and watch them roll
            downhill; red × = rejected proposals
            {name === 'hmc' ? ', dashed = one leapfrog trajectory' : ''}.
          </p>
        </>
      )}
    </section>
  );
}
