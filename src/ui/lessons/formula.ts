// Formulas are typeset with KaTeX. Lessons colour their terms with macros named after what they
// stand for, in the colours the landscape draws those things with: \data{…} the data points
// (white dots with a dark ring: a white box with a dark frame), \samp{…} the MCMC samples
// (orange), \rej{…} rejected proposals (red), \lf{…} the HMC leapfrog path (fuchsia) and
// \grad{…} the gradient ∇E (the violet of the gradient arrows). Each macro also wraps its term
// in \htmlClass{term-…}, so hovering a term can light up its things on the landscape.
import katex from 'katex';
import { GRAD_COLOUR } from '../../viz/gradientField';
import { SAMPLE_COLOUR } from '../../viz/landscapeRenderer';
import { LEAPFROG_COLOUR, REJECT_COLOUR } from '../../viz/trails';

/** An rgba() or "r, g, b" colour as opaque #rrggbb (KaTeX's \textcolor wants a plain colour). */
export function opaqueHex(colour: string): string {
  if (colour.startsWith('#')) return colour;
  const [r, g, b] = (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
  return '#' + [r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
}

export const TERM_COLOURS = {
  samp: opaqueHex(SAMPLE_COLOUR),
  rej: opaqueHex(REJECT_COLOUR),
  lf: opaqueHex(LEAPFROG_COLOUR),
  grad: GRAD_COLOUR,
} as const;

export const MACROS: Record<string, string> = {
  '\\data': '\\htmlClass{term-data}{\\fcolorbox{##111111}{##ffffff}{$#1$}}',
  '\\samp': `\\htmlClass{term-samp}{\\textcolor{#${TERM_COLOURS.samp}}{#1}}`,
  '\\rej': `\\htmlClass{term-rej}{\\textcolor{#${TERM_COLOURS.rej}}{#1}}`,
  '\\lf': `\\htmlClass{term-lf}{\\textcolor{#${TERM_COLOURS.lf}}{#1}}`,
  '\\grad': `\\htmlClass{term-grad}{\\textcolor{#${TERM_COLOURS.grad}}{#1}}`,
};

/** The term kinds a formula's macros mark, in the order of TERM_KINDS. */
export const TERM_KINDS = ['data', 'samp', 'grad', 'rej', 'lf'] as const;

export function termsIn(tex: string): (typeof TERM_KINDS)[number][] {
  return TERM_KINDS.filter((k) => tex.includes(`\\${k}{`));
}

/** The formula as HTML (with MathML for screen readers); throws on a TeX error. */
export function renderFormula(tex: string): string {
  return katex.renderToString(tex, {
    displayMode: true,
    throwOnError: true,
    macros: { ...MACROS },
    output: 'htmlAndMathml',
    // Only \htmlClass (the term marks above) is trusted; the lessons are our own text.
    trust: (c) => c.command === '\\htmlClass',
    strict: (code: string) => (code === 'htmlExtension' ? 'ignore' : 'warn'),
  });
}
