// Every lesson formula typesets with KaTeX (a TeX error throws), and its colour macros use the
// colours the landscape draws those things with.
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../lessons';
import { MACROS, TERM_COLOURS, opaqueHex, renderFormula } from './formula';
import { stepLink, readFlags } from './stepLink';

describe('lesson formulas', () => {
  it('all typeset', () => {
    const formulas = LESSONS.flatMap((l) => l.steps.flatMap((s) => (s.formula ? [s.formula] : [])));
    expect(formulas.length).toBeGreaterThanOrEqual(35);
    for (const f of formulas) expect(() => renderFormula(f), f).not.toThrow();
    // TeX's own \neg (¬) typesets without an error: a sample term must use \samp.
    for (const f of formulas) expect(f).not.toMatch(/\\neg\b/);
  });

  it('colour samples orange like the sample dots', () => {
    expect(opaqueHex('rgba(249, 115, 22, 0.75)')).toBe('#f97316');
    expect(TERM_COLOURS.samp).toBe('#f97316');
    expect(MACROS['\\samp']).toContain('#f97316');
    expect(renderFormula('\\samp{x}')).toContain('color:#f97316');
  });

  it('links to a step carry lesson, step and embed, not the forced backend', () => {
    const link = stepLink('http://h/p/?backend=wasm#d=x', { lesson: 3, step: 2 }, { embed: true });
    expect(link).toBe('http://h/p/?lesson=3&step=2&embed=1');
    expect(readFlags('?lesson=1&embed=1&present=1')).toEqual({ embed: true, present: true });
  });
});
