// Training and sampling settings. Everything applies live; width/depth rebuild the model
// (the points are kept).
import { useApp } from '../state/store';
import { CHAIN_OPTIONS, RANGES } from '../state/schema';
import { useHidden } from './persist/hidden';
import { Slider } from './Slider';

const sci = (v: number) => (v < 0.01 ? v.toExponential(1) : String(+v.toPrecision(3)));

export function Controls() {
  const s = useApp((a) => a.settings);
  const set = useApp((a) => a.setSettings);
  const hideChains = useHidden('chains');
  return (
    <section className="panel" aria-label="Settings">
      <h2>Training</h2>
      <Slider
        label="Learning rate"
        hint="Adam step size (β1 = 0)"
        range={RANGES.learningRate}
        value={s.learningRate}
        format={sci}
        onChange={(v) => set({ learningRate: v })}
      />
      <Slider
        label="Energy regulariser α"
        hint="α·(E(data)² + E(samples)²) keeps the energy near zero"
        range={RANGES.alpha}
        value={s.alpha}
        format={sci}
        onChange={(v) => set({ alpha: v })}
      />
      {/* The RBM's size is its number of hidden units (in the sampler panel). */}
      {s.model === 'mlp' && (
        <>
          <Slider
            label="Width"
            hint="Hidden units per layer (rebuilds the model)"
            range={RANGES.width}
            value={s.width}
            onChange={(v) => set({ width: v })}
          />
          <Slider
            label="Depth"
            hint="Hidden layers (rebuilds the model)"
            range={RANGES.depth}
            value={s.depth}
            onChange={(v) => set({ depth: v })}
          />
        </>
      )}
      <h2>Chains</h2>
      <Slider
        label="Steps per iteration K"
        range={RANGES.langevinSteps}
        value={s.langevinSteps}
        onChange={(v) => set({ langevinSteps: v })}
      />
      <Slider
        label="Temperature β"
        hint="p(x) ∝ exp(−βE(x))"
        range={RANGES.beta}
        value={s.beta}
        format={sci}
        onChange={(v) => set({ beta: v })}
      />
      <Slider
        label="Re-init fraction"
        hint="Share of replayed chains restarted uniformly each iteration"
        range={RANGES.reinitFraction}
        value={s.reinitFraction}
        format={(v) => `${Math.round(v * 100)} %`}
        onChange={(v) => set({ reinitFraction: v })}
      />
      <div className="slider" hidden={hideChains}>
        <label htmlFor="chains">
          <span>Chains (samples shown)</span>
        </label>
        <select
          id="chains"
          value={s.chains}
          onChange={(e) => set({ chains: Number(e.target.value) as typeof s.chains })}
        >
          {CHAIN_OPTIONS.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
