// Composing energies (product of experts): freeze the current model as an expert, add
// built-in ones, weight them live and switch between AND (E = Σ wᵢEᵢ: mass only where every
// expert is low) and OR (E = −log Σ wᵢe^(−Eᵢ): mass where any is low). Composing shows and
// samples the composed energy in sample mode; the density views show its exact density.
import { useState } from 'react';
import {
  BUILTIN_EXPERTS,
  BUILTIN_NAMES,
  MAX_EXPERTS,
  MAX_MIX,
  type BuiltinExpert,
} from '../../contract/experts';
import { freezeCurrentModel } from '../../state/composeBridge';
import { builtinExpert, forLink, weightChars } from '../../state/composition';
import { useApp } from '../../state/store';
import { Slider } from '../Slider';
import { ExpertThumb } from './ExpertThumb';
import './compose.css';

const MIX_RANGE = { min: 0, max: MAX_MIX, step: 0.05, log: false };
const SUB = ['₁', '₂', '₃', '₄'];

export function ComposePanel() {
  const c = useApp((a) => a.composition);
  const thumbs = useApp((a) => a.expertThumbs);
  const app = useApp.getState();
  const [busy, setBusy] = useState(false);
  const experts = c?.experts ?? [];
  const mixing = c?.mixing;
  const full = experts.length >= MAX_EXPERTS;
  const w = (i: number) => (mixing?.weights[i] ?? 1).toFixed(2);
  const formula =
    experts.length === 0
      ? ''
      : mixing?.mode === 'or'
        ? `E = −log(${experts.map((_, i) => `${w(i)}·e^(−E${SUB[i]})`).join(' + ')})`
        : `E = ${experts.map((_, i) => `${w(i)}·E${SUB[i]}`).join(' + ')}`;
  const dropped = forLink(c).dropped;
  const freeze = async () => {
    setBusy(true);
    const err = await freezeCurrentModel();
    setBusy(false);
    if (err) app.setNotice({ level: 'warn', text: err });
  };
  return (
    <section className="panel compose" aria-label="Compose experts">
      <h2>Compose experts</h2>
      <div className="compose-actions">
        <button onClick={() => void freeze()} disabled={busy || full}>
          Freeze as expert
        </button>
        <select
          aria-label="Add a built-in expert"
          value=""
          disabled={full}
          onChange={(e) => app.addExpert(builtinExpert(e.target.value as BuiltinExpert))}
        >
          <option value="">+ Built-in…</option>
          {BUILTIN_NAMES.map((n) => (
            <option key={n} value={n} title={BUILTIN_EXPERTS[n].explanation}>
              {BUILTIN_EXPERTS[n].label}
            </option>
          ))}
        </select>
        <button onClick={() => app.loadHalfRing()} title="Ring AND right half-plane">
          Example: half ring
        </button>
      </div>
      {experts.length === 0 ? (
        <p className="hint">
          Freeze the trained model (or add a built-in energy), then mix up to {MAX_EXPERTS}.
        </p>
      ) : (
        <>
          <ul className="experts" aria-label="Experts">
            {experts.map((e, i) => (
              <li key={e.id} data-testid="expert">
                <ExpertThumb energy={thumbs[e.id]} label={e.label} />
                <div className="expert-body">
                  <Slider
                    label={`E${SUB[i]} ${e.label}`}
                    hint={
                      e.kind === 'builtin'
                        ? BUILTIN_EXPERTS[e.name].explanation
                        : 'A frozen copy of a trained model'
                    }
                    range={MIX_RANGE}
                    value={mixing?.weights[i] ?? 1}
                    format={(v) => `w = ${v.toFixed(2)}`}
                    onChange={(v) => app.setMixWeight(i, v)}
                  />
                </div>
                <button
                  className="remove"
                  aria-label={`Remove expert ${e.label}`}
                  onClick={() => app.removeExpert(e.id)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <div className="compose-mode">
            <label className="inline">
              <input
                type="checkbox"
                checked={mixing?.on ?? false}
                onChange={(e) => app.setComposing(e.target.checked)}
              />
              Show and sample the composition
            </label>
            <div className="seg" role="radiogroup" aria-label="How experts combine">
              <button
                role="radio"
                aria-checked={mixing?.mode !== 'or'}
                onClick={() => app.setComposeMode('and')}
                title="Product of experts: E = Σ wᵢEᵢ"
              >
                AND (sum)
              </button>
              <button
                role="radio"
                aria-checked={mixing?.mode === 'or'}
                onClick={() => app.setComposeMode('or')}
                title="Soft-min mixture: E = −log Σ wᵢ e^(−Eᵢ)"
              >
                OR (soft-min)
              </button>
            </div>
          </div>
          <p className="formula" data-testid="compose-formula">
            {formula}
          </p>
          {dropped > 0 && (
            <p className="hint link-note" data-testid="compose-link-note">
              Links carry built-in experts and weights only: the {dropped} frozen model
              {dropped > 1 ? 's’' : '’s'} weights (about {Math.round(weightChars(c) / 1000)} kB) are
              too big for a link. They are kept in this browser and in saved files.
            </p>
          )}
        </>
      )}
    </section>
  );
}
