// Lesson 4: the Metropolis correction (MALA, random-walk MH) and an acceptance challenge.
import type { Lesson } from './types';

/** The MH test shared by MALA and random-walk MH (src/ebm/samplers/mh.ts, mala.ts). */
export const MH_ACCEPT_TEX =
  "A = \\min\\!\\Big(1,\\; \\frac{\\exp(-\\beta E(\\rej{x'}))\\,q(x \\mid \\rej{x'})}{\\exp(-\\beta E(x))\\,q(\\rej{x'} \\mid x)}\\Big)";

export const metropolis: Lesson = {
  title: 'Metropolis correction',
  summary: 'Propose, then accept or reject: exact at any step, at a price.',
  setup: {
    preset: '8gaussians',
    settings: {
      model: 'mlp',
      sampler: 'mala',
      mode: 'sample',
      objective: 'persistentCd',
      malaStep: 0.01,
    },
    trails: true,
  },
  steps: [
    {
      title: 'Learn a landscape with MALA negatives',
      text: 'A Metropolis test only has something to reject on a landscape with valleys. For a few seconds the model trains, drawing its negatives with MALA; the acceptance read-out in the sampler panel already counts the test’s verdicts.',
      formula: 'p_\\theta(x) \\propto \\exp(-\\beta E_\\theta(x))',
      todo: 'Let it train until the eight valleys are visible, then press Next.',
      state: { settings: { mode: 'train' } },
      controls: [],
      panels: ['sampler'],
    },
    {
      title: 'Propose, then test',
      text: 'MALA makes a Langevin move, but treats it as a proposal x′. A Metropolis test keeps it with probability A, else the chain stays where it was. Rejected proposals are drawn in red.',
      formula: MH_ACCEPT_TEX,
      todo: 'Watch the trails: a red mark is a proposal that was rejected.',
      state: { settings: { stepsPerFrame: 2 } },
      controls: ['malaStep', 'stepsPerFrame'],
    },
    {
      title: 'A big step, still exact',
      text: 'With ε = 0.2 plain Langevin was biased. MALA is not: the test rejects just enough bad moves that p_θ stays exactly stationary. The price is the acceptance rate, which drops.',
      formula:
        "\\text{MALA: } \\rej{x'} = x - \\frac{\\varepsilon}{2}\\grad{\\nabla_x(\\beta E)} + \\mathcal{N}(0, \\varepsilon I)",
      todo: 'Read the acceptance in the sampler panel, then compare it with the previous step.',
      state: { settings: { malaStep: 0.2, stepsPerFrame: 10 } },
      controls: ['malaStep'],
    },
    {
      title: 'Random-walk Metropolis–Hastings',
      text: 'No gradient at all: jump to x + N(0, s²) and keep it with probability min(1, e^(−βΔE)). The proposal is symmetric, so the q terms cancel. It is simple and exact, but it explores blindly.',
      formula:
        "\\rej{x'} = x + \\mathcal{N}(0, s^2 I), \\qquad A = \\min\\big(1, e^{-\\beta (E(\\rej{x'}) - E(x))}\\big)",
      todo: 'Change the proposal scale s and watch the acceptance move the other way.',
      state: { settings: { sampler: 'mh', mhScale: 0.2 } },
      controls: ['mhScale'],
    },
    {
      title: 'Challenge: accept 50–80 %',
      text: 'Too small a step accepts nearly everything but barely moves; too large a step is almost always rejected. A good sampler sits in between. The model trains again here, with MALA negatives: find the step that accepts between half and four fifths of its proposals.',
      formula: '0.5 \\le \\bar A \\le 0.8',
      todo: 'Move the step ε slider until the acceptance reads between 50 % and 80 %.',
      state: { settings: { mode: 'train', sampler: 'mala', malaStep: 0.0005 } },
      controls: ['malaStep'],
      challenge: {
        goal: 'MALA accepts 50–80 % of its proposals',
        met: (l) =>
          l.settings.sampler === 'mala' &&
          l.acceptRate !== null &&
          l.acceptRate >= 0.5 &&
          l.acceptRate <= 0.8,
      },
    },
    {
      title: 'Langevin against MALA at the same step',
      text: 'At the same ε the two samplers make the same proposal; only MALA tests it. Switch between them at a large step and compare the samples with p_θ: the unadjusted chains spread too wide.',
      formula: '\\text{Langevin: always accept} \\qquad \\text{MALA: accept with } A',
      todo: 'Switch the sampler between Langevin and MALA and compare the orange clouds.',
      state: {
        density: 'density',
        settings: { sampler: 'langevin', langevinStep: 0.1, malaStep: 0.1 },
      },
      controls: ['sampler', 'langevinStep', 'malaStep', 'view'],
    },
  ],
};
