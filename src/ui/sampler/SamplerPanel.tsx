// The sampler panel: train or sample, which model (MLP or RBM), which sampler and its one
// step control, steps per frame, and the live read-outs of sample mode (acceptance, steps,
// distance of the chains to the data against steps). Gibbs is offered only for the RBM;
// switching the model to the MLP while Gibbs is chosen switches the sampler to Langevin.
import { useId } from 'react';
import { effectiveSampler, SAMPLER_INFO, samplersFor } from '../../ebm/samplers/info';
import { engine } from '../../state/engine';
import { useSampling } from '../../state/samplingStore';
import { RANGES, type ModelName, type SamplerName, type Settings } from '../../state/schema';
import { useApp } from '../../state/store';
import { useHidden } from '../persist/hidden';
import { Slider } from '../Slider';
import { DistanceChart } from './DistanceChart';
import './sampler.css';

/** One line each: what the sampler does, in the playground's notation. */
export const SAMPLER_EXPLAINED: Record<SamplerName, string> = {
  langevin: 'Step downhill along −∇E, plus Gaussian noise. Fast; slightly biased at large ε.',
  mala: 'A Langevin proposal, kept or rejected by a Metropolis test: unbiased at any ε.',
  mh: 'Jump to x + N(0, s²); keep it with probability min(1, e^(−βΔE)). No gradient needed.',
  hmc: 'Random momentum, L leapfrog steps gliding along the landscape, then one accept test.',
  gibbs: 'RBM only: draw every hidden unit given x, then x given the hidden units. Exact.',
};

const SHORT: Record<SamplerName, string> = {
  langevin: 'Langevin',
  mala: 'MALA',
  mh: 'Metropolis–Hastings',
  hmc: 'Hamiltonian MC',
  gibbs: 'Gibbs (RBM)',
};

const sci = (v: number) => (v < 0.01 ? v.toExponential(1) : String(+v.toPrecision(3)));
const pct = (v: number) => `${Math.round(v * 100)} %`;

/**
 * A patch that switches the sampler. One setting ε serves Langevin/MALA (where it is a
 * variance: the noise is N(0, ε)) and HMC (where it is a length: x moves by εp per leapfrog
 * step), so a good value for one is far off for the other. Switching into HMC with a
 * Langevin-sized ε (< 0.03) sets 0.05 (a trajectory of L·ε = 0.5 at L = 10; measured on a
 * trained MLP whose background has |∇E| ≈ 25: ε = 0.1 left 60 % of fresh chains stuck,
 * rejected, in the background, ε = 0.05 none); switching out of HMC with ε > 0.03 sets the
 * Langevin default 0.01 back.
 */
export function samplerPatch(s: Settings, sampler: SamplerName): Partial<Settings> {
  const from = effectiveSampler(s);
  if (sampler === 'hmc' && from !== 'hmc' && s.stepSize < 0.03) return { sampler, stepSize: 0.05 };
  if (from === 'hmc' && (sampler === 'langevin' || sampler === 'mala') && s.stepSize > 0.03)
    return { sampler, stepSize: 0.01 };
  return { sampler };
}

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
  const setTrails = useSampling((a) => a.setTrails);
  const hideMode = useHidden('mode');
  const hideModel = useHidden('model');
  const hideSampler = useHidden('sampler');
  const selectId = useId();
  const name = effectiveSampler(s);
  const info = SAMPLER_INFO[name];
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
            options={[
              ['mlp', 'MLP'],
              ['rbm', 'RBM'],
            ]}
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
            onChange={(e) => set(samplerPatch(s, e.target.value as SamplerName))}
          >
            {samplersFor(s.model).map((n) => (
              <option key={n} value={n} title={SAMPLER_INFO[n].label}>
                {SHORT[n]}
              </option>
            ))}
          </select>
        </div>
      )}
      <p className="sampler-hint" data-testid="sampler-explained">
        {SAMPLER_EXPLAINED[name]}
      </p>
      {info.stepSetting === 'stepSize' && (
        <Slider
          label={name === 'hmc' ? 'Leapfrog step ε' : 'Step size ε'}
          hint={
            name === 'hmc'
              ? 'Leapfrog step: p ← p − (ε/2)∇(βE); x ← x + εp; …'
              : 'x ← x − (ε/2)∇(βE) + N(0, ε)'
          }
          range={RANGES.stepSize}
          value={s.stepSize}
          format={sci}
          onChange={(v) => set({ stepSize: v })}
        />
      )}
      {info.stepSetting === 'mhScale' && (
        <Slider
          label="Proposal scale s"
          hint="x* = x + N(0, s²)"
          range={RANGES.mhScale}
          value={s.mhScale}
          format={sci}
          onChange={(v) => set({ mhScale: v })}
        />
      )}
      {info.usesLeapfrog && (
        <Slider
          label="Leapfrog steps L"
          hint="Gradient steps per HMC proposal (the dashed path on the plot)"
          range={RANGES.leapfrogSteps}
          value={s.leapfrogSteps}
          onChange={(v) => set({ leapfrogSteps: v })}
        />
      )}
      {s.model === 'rbm' && (
        <Slider
          label="RBM hidden units"
          hint="Each pattern of hidden units is one Gaussian bump (rebuilds the model)"
          range={RANGES.rbmHidden}
          value={s.rbmHidden}
          onChange={(v) => set({ rbmHidden: v })}
        />
      )}
      {sampling && (
        <Slider
          label="Steps per frame"
          hint="Sampler transitions between two pictures"
          range={RANGES.stepsPerFrame}
          value={s.stepsPerFrame}
          onChange={(v) => set({ stepsPerFrame: Math.max(1, Math.round(v)) })}
        />
      )}
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
