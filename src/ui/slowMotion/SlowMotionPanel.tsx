// The panel of the slow-motion iteration (src/contract/slowMotion.ts), shown under the plot
// while one is under way: the gradient formula with the current phase's part highlighted, what
// the phase did in numbers, and in phase 3 the landscape before, after and their difference.
import { useSlowMotion } from '../../state/slowMotion';
import { useApp } from '../../state/store';
import { Formula } from '../lessons/Formula';
import { relativePushes } from '../../viz/slowMotionDraw';
import { SlowMaps } from './SlowMaps';
import { SlowMotionButton } from './SlowMotionButton';
import '../overlays.css';

/** Each phase marks its part: 1 the expectation over p_θ, 2 the two ∂θE terms, 3 the update. */
export const SLOW_TEX =
  "\\begin{aligned}\\partial_\\theta \\log p_\\theta(\\data{x}) &= \\beta\\Big(\\htmlClass{sm-term sm-p1}{\\samp{\\mathbb{E}_{x' \\sim p_\\theta}}}\\htmlClass{sm-term sm-p2}{\\samp{[\\partial_\\theta E_\\theta(x')]}} - \\htmlClass{sm-term sm-p2}{\\data{\\partial_\\theta E_\\theta(x)}}\\Big) \\\\ \\htmlClass{sm-term sm-p3}{\\theta} &\\htmlClass{sm-term sm-p3}{\\leftarrow \\theta - \\eta\\,\\mathrm{Adam}(\\nabla_\\theta L)}\\end{aligned}";

const mean = (a: Float32Array) => (a.length ? a.reduce((s, v) => s + v, 0) / a.length : NaN);
const f3 = (v: number) => (Number.isFinite(v) ? v.toPrecision(3) : '—');

export function SlowMotionPanel() {
  const phase = useSlowMotion((s) => s.phase);
  const last = useSlowMotion((s) => s.last);
  const refused = useSlowMotion((s) => s.refused);
  const steps = useApp((a) => a.settings.chainSteps);
  if (refused)
    return (
      <section className="slow-panel" aria-label="One iteration in slow motion" role="status">
        <p>{refused}</p>
      </section>
    );
  if (!last || phase === 0) return null;
  const n = last.negatives.length / 2;
  const rel = relativePushes(last);
  return (
    <section
      className="slow-panel"
      data-phase={phase}
      data-testid="slow-panel"
      aria-label="One iteration in slow motion"
    >
      <h3>
        One iteration in slow motion · phase {phase} of 3
        {phase === 3 && <> · now iteration {last.iteration + 1}</>}
      </h3>
      <Formula tex={SLOW_TEX} />
      {phase === 1 && (
        <p>
          <b>Synthesis.</b> {n} chains ran K = {steps} sampler steps: the ringed orange dots are the
          negatives x′ ∼ p<sub>θ</sub>, beside this iteration’s {last.data.length / 2} data points
          (white). Together they estimate the two terms.
        </p>
      )}
      {phase >= 2 && (
        <p data-testid="slow-push">
          <b>Analysis.</b> The arrows show how one plain gradient step would change E at each point,
          relative to the average change (a constant shift of E changes no probability): on average
          ΔE = {f3(mean(rel.data))} at the data (down) and {f3(mean(rel.neg))} at the negatives
          (up). ‖∇<sub>θ</sub>L‖ = {f3(last.gradNorm)}.
        </p>
      )}
      {phase === 3 && (
        <>
          <p>
            <b>Update.</b> Adam applied the step: the valleys under the data deepened a little, and
            the energy rose where negatives sat without data.
          </p>
          <SlowMaps msg={last} />
        </>
      )}
      <div className="slow-actions">
        <SlowMotionButton />
        <button onClick={() => useSlowMotion.getState().clear()}>Close</button>
      </div>
    </section>
  );
}
