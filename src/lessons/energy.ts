// Lesson 1: an energy for every point, and the Boltzmann density it defines at temperature β.
import type { Lesson } from './types';

export const energy: Lesson = {
  title: 'Energy and probability',
  summary: 'p(x) = exp(−βE(x))/Z: the energy decides, β sharpens.',
  setup: {
    preset: '8gaussians',
    settings: { model: 'mlp', mode: 'train', sampler: 'langevin', objective: 'persistentCd' },
  },
  steps: [
    {
      title: 'An energy for every point',
      text: 'An energy-based model gives every point x of the plane a number E_θ(x), here computed by a small neural network. Low energy means "likely". While it trains, valleys form where the white data points sit.',
      formula:
        'E_\\theta : \\mathbb{R}^2 \\to \\mathbb{R}, \\qquad \\text{low } E_\\theta(\\data{x}) \\;\\Leftrightarrow\\; \\text{likely } \\data{x}',
      todo: 'The model is fresh and paused: brush where you expect the lowest energy, press Play, and after a few seconds press Reveal.',
      state: { density: 'energy', paused: true, reset: true },
      controls: ['view'],
      predict: { target: 'lowEnergy' },
    },
    {
      title: 'From energy to probability',
      text: 'The Boltzmann density turns energies into probabilities: exponentiate −βE, then divide by the total Z so that everything sums to one. Dividing by Z changes the scale, not the shape.',
      formula:
        '\\begin{aligned} p_\\theta(x) &= \\frac{\\exp(-\\beta E_\\theta(x))}{Z(\\theta)} \\\\ Z(\\theta) &= \\int \\exp(-\\beta E_\\theta(x))\\,dx \\end{aligned}',
      todo: 'Switch the view under the plot between E, exp(−βE) and p_θ.',
      state: { density: 'unnormalised' },
      controls: ['view'],
    },
    {
      title: 'β near zero: almost uniform',
      text: 'The inverse temperature β multiplies every energy. With β small, exp(−βE) is close to 1 everywhere, so p_θ is nearly flat: every point is about as likely as any other. Training is paused here, so only β changes the picture.',
      formula: '\\beta \\to 0: \\quad p_\\theta(x) \\to \\frac{1}{|\\text{box}|}',
      todo: 'Move the β slider to its smallest value, 0.1, and look at p_θ.',
      state: { density: 'density', paused: true },
      controls: ['beta', 'view'],
    },
    {
      title: 'β large: only the deepest valley',
      text: 'With β large the differences in energy are magnified: a valley only a little deeper than the others takes nearly all the probability. At β → ∞ the density piles up at the minimum of E.',
      formula:
        '\\beta \\to \\infty: \\quad p_\\theta \\to \\text{mass at } \\arg\\min_x E_\\theta(x)',
      todo: 'Move β up to 10 and watch the probability gather in the deepest valleys.',
      state: { density: 'density', paused: true, settings: { beta: 10 } },
      controls: ['beta', 'view'],
    },
    {
      title: 'Back to β = 1, and play',
      text: 'The samples (orange) are drawn from p_θ at the current β. At β = 1 they sit in the valleys the model learnt. The model is trained at the β it is given, so β is part of the model here, not a free knob.',
      formula: "\\samp{x'} \\sim p_\\theta(x) \\propto \\exp(-\\beta E_\\theta(x))",
      todo: 'Press Play and watch the orange samples settle into the valleys.',
      state: { density: 'density', settings: { beta: 1 } },
      controls: ['beta', 'view'],
    },
  ],
};
