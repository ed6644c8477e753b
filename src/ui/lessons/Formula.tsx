// One typeset formula (KaTeX, rendered to a string once per formula). Hovering a coloured term
// lights up what it stands for on the landscape (overlayState.ts); the chips under the formula
// do the same on hover or keyboard focus (the typeset HTML is hidden from assistive tech, its
// MathML twin is read instead, so the chips are the keyboard's way in).
import { useEffect, useMemo, type SyntheticEvent } from 'react';
import 'katex/dist/katex.min.css';
import '../overlays.css';
import { useOverlays, type TermKind } from '../overlayState';
import { renderFormula, TERM_COLOURS, termsIn } from './formula';

const TERM_LABEL: Record<TermKind, string> = {
  data: 'data points',
  samp: 'samples',
  grad: '∇E arrows',
  rej: 'rejected proposals',
  lf: 'leapfrog path',
};

/** The term kind of the innermost marked term around `el`, if any. */
function termOf(el: Element | null, root: Element): TermKind | null {
  for (let e = el; e && e !== root; e = e.parentElement)
    for (const c of e.classList) if (c.startsWith('term-')) return c.slice(5) as TermKind;
  return null;
}

export function Formula({ tex }: { tex: string }) {
  const html = useMemo(() => renderFormula(tex), [tex]);
  const terms = useMemo(() => termsIn(tex), [tex]);
  const set = useOverlays((o) => o.setHighlight);
  useEffect(() => () => set(null), [tex, set]);
  const over = (e: SyntheticEvent<HTMLDivElement>) =>
    set(termOf(e.target as Element, e.currentTarget));
  return (
    <div className="lesson-formula-wrap">
      <div
        className="lesson-formula"
        dangerouslySetInnerHTML={{ __html: html }}
        onMouseOver={over}
        onMouseLeave={() => set(null)}
      />
      {terms.length > 0 && (
        <div className="term-chips" aria-label="Show a term on the plot">
          {terms.map((t) => (
            <button
              key={t}
              type="button"
              className={`term-chip term-chip-${t}`}
              style={{ borderColor: t === 'data' ? '#111111' : TERM_COLOURS[t] }}
              onMouseEnter={() => set(t)}
              onMouseLeave={() => set(null)}
              onFocus={() => set(t)}
              onBlur={() => set(null)}
            >
              {TERM_LABEL[t]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
