// Lesson 9: the Gaussian–Bernoulli Boltzmann machine and blocked Gibbs sampling (src/ebm/rbm.ts).
import type { Lesson } from './types';

export const rbmLesson: Lesson = {
  title: 'Boltzmann machine and Gibbs',
  summary: 'Hidden units, a free energy, and exact conditional draws.',
  setup: {
    preset: '8gaussians',
    settings: {
      model: 'rbm',
      sampler: 'gibbs',
      mode: 'train',
      objective: 'persistentCd',
      rbmHidden: 32,
    },
  },
  steps: [
    {
      title: 'An energy with hidden units',
      text: 'A restricted Boltzmann machine has the visible point v and binary hidden units h. Its joint energy couples them only through W: no visible–visible or hidden–hidden terms. (v is x scaled, σ is fixed.)',
      formula:
        'E(v, h) = \\frac{\\lVert v - b \\rVert^2}{2\\sigma^2} - c^\\top h - \\big(\\tfrac{v}{\\sigma}\\big)^{\\!\\top} W h',
      todo: 'Watch the RBM learn the eight gaussians.',
      controls: ['rbmHidden'],
    },
    {
      title: 'Summing out h: the free energy',
      text: 'Summing over every hidden pattern gives the free energy F(v), which the heatmap shows. p(v) is a mixture of one gaussian per hidden pattern: a natural fit for blobs of data.',
      formula:
        'F(v) = \\frac{\\lVert v - b\\rVert^2}{2\\sigma^2} - \\sum_j \\mathrm{softplus}\\big(c_j + (W^\\top v)_j/\\sigma\\big)',
      todo: 'Switch between the E and p_θ views.',
      controls: ['view'],
    },
    {
      title: 'Blocked Gibbs sampling',
      text: 'Given v the hidden units are independent, and given h the visibles are a gaussian: both conditionals can be drawn exactly, all units of a layer at once. No step size and, at β = 1, nothing to reject.',
      formula:
        '\\begin{aligned} p(h_j = 1 \\mid v) &= \\mathrm{sigmoid}\\big(c_j + (W^\\top v)_j/\\sigma\\big) \\\\ v \\mid h &\\sim \\mathcal{N}(b + \\sigma W h, \\sigma^2 I) \\end{aligned}',
      todo: 'Read the sampler panel: Gibbs has no step-size slider.',
      controls: ['rbmHidden'],
      panels: ['sampler'],
    },
    {
      title: 'How many hidden units?',
      text: 'Each hidden unit can switch one gaussian bump on or off, so too few units cannot place eight modes. Changing the count rebuilds the model.',
      formula: 'p(v) = \\sum_h p(h)\\,\\mathcal{N}(v;\\, b + \\sigma W h,\\, \\sigma^2 I)',
      todo: 'Set the hidden units to 2, then back to 32, and compare the fits.',
      state: { settings: { rbmHidden: 2 } },
      controls: ['rbmHidden', 'view'],
    },
  ],
};
