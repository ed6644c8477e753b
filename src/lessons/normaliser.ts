// Lesson 2: the normaliser Z, exact here on a 128² grid, hopeless in high dimension.
import type { Lesson } from './types';

export const normaliser: Lesson = {
  title: 'The normaliser Z',
  summary: 'Exact on a 128 × 128 grid; impossible with G^d cells in high dimension.',
  setup: {
    preset: '8gaussians',
    settings: { model: 'mlp', mode: 'train', sampler: 'langevin', objective: 'persistentCd' },
  },
  steps: [
    {
      title: 'Z as a sum over a grid',
      text: 'In two dimensions the page can afford Z: it evaluates exp(−βE) on a 128 × 128 grid of 16,384 cells and adds them up, each times the cell area. That is why p_θ and log p_θ can be drawn exactly.',
      formula: 'Z(\\theta) \\approx \\sum_{c=1}^{128^2} \\exp(-\\beta E_\\theta(x_c))\\,\\Delta^2',
      todo: 'Open the log p_θ view and find the log Z number under the plot.',
      state: { density: 'logdensity' },
      controls: ['view'],
    },
    {
      title: 'Z moves while the model learns',
      text: 'Every parameter update changes E everywhere, so Z changes too. Nothing in training forces log Z to stay put; the chart of log Z shows it drift as valleys deepen.',
      formula: '\\log Z(\\theta) = \\log \\int \\exp(-\\beta E_\\theta(x))\\,dx',
      todo: 'Watch the log Z number under the plot for ten seconds (the density section charts it).',
      state: { density: 'density' },
      controls: ['view'],
    },
    {
      title: 'Why a grid is impossible in high dimension',
      text: 'A grid with G points per axis has G^d cells in d dimensions. A 28 × 28 grey image has d = 784 pixels: even a coarse G = 128 needs 128^784 ≈ 10^1652 cells, more than atoms in the universe (about 10^80). No computer can add them up.',
      formula: 'G^d = 128^{784} = 10^{784 \\log_{10} 128} \\approx 10^{1652}',
      todo: 'Compare: 128² = 16,384 cells here, and 10^1652 for one small image.',
      controls: [],
    },
    {
      title: 'Learning without Z',
      text: 'EBMs never compute Z. The gradient of log Z is an expectation under the model itself, so samples from p_θ estimate it: that is why the playground runs MCMC chains at all.',
      formula:
        "\\nabla_\\theta \\log Z(\\theta) = -\\beta\\, \\mathbb{E}_{\\samp{x'} \\sim p_\\theta}\\big[\\nabla_\\theta E_\\theta(\\samp{x'})\\big]",
      todo: 'Find the orange samples on the plot: they are the estimate of this expectation.',
      state: { density: 'energy' },
      controls: ['view'],
    },
  ],
};
