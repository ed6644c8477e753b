// Lesson 6: learning is analysis by synthesis — one contrastive-divergence iteration, phase by
// phase, with the slow-motion button (training paused; src/ebm/phasedStep.ts runs the phases of
// a normal training step). The loss is src/ebm/loss.ts's.
import type { Lesson } from './types';

/** The maximum-likelihood gradient; the page's loss is its negative, divided by β. */
export const ML_GRADIENT_TEX =
  "\\partial_\\theta \\log p_\\theta(\\data{x}) = \\beta\\Big(\\samp{\\mathbb{E}_{x' \\sim p_\\theta}[\\partial_\\theta E_\\theta(x')]} - \\data{\\partial_\\theta E_\\theta(x)}\\Big)";

/** The loss the trainer minimises (src/ebm/loss.ts). */
export const CD_LOSS_TEX =
  "L = \\data{\\overline{E_\\theta(x)}} - \\samp{\\overline{E_\\theta(x')}} + \\alpha\\big(\\data{\\overline{E_\\theta(x)^2}} + \\samp{\\overline{E_\\theta(x')^2}}\\big)";

export const learning: Lesson = {
  title: 'Learning is analysis by synthesis',
  summary: 'One contrastive-divergence iteration, phase by phase.',
  setup: {
    preset: '8gaussians',
    settings: {
      model: 'mlp',
      sampler: 'langevin',
      mode: 'train',
      objective: 'persistentCd',
      chainSteps: 20,
    },
  },
  steps: [
    {
      title: 'The gradient has two terms',
      text: 'Maximum likelihood has a simple gradient: lower the energy at the data (the data term), raise it where the model itself puts probability (the sample term). When the samples look like the data the two cancel and learning stops.',
      formula: ML_GRADIENT_TEX,
      todo: 'Find the two colours on the plot: data points are white, samples orange.',
      state: { density: 'energy' },
      controls: [],
    },
    {
      title: 'Phase 1: synthesis — draw negatives',
      text: 'Training is paused. One iteration starts by running K sampler steps on a batch of chains: these are the negatives x′, the model’s own guess of what data look like. They estimate the orange expectation.',
      formula:
        "\\samp{\\mathbb{E}_{x' \\sim p_\\theta}[\\partial_\\theta E_\\theta(x')]} \\approx \\frac1N \\sum_i \\partial_\\theta E_\\theta(\\samp{x'_i})",
      todo: 'Press the slow-motion button once: phase 1 rings the negatives in orange beside this iteration’s data batch.',
      state: { paused: true },
      controls: ['chainSteps'],
      slowMotion: true,
    },
    {
      title: 'Phase 2: analysis — push down and up',
      text: 'The loss compares the two sets: its gradient pushes the energy down at the data points and up at the negatives. The α term keeps both energies near zero, since adding a constant to E changes nothing else.',
      formula: CD_LOSS_TEX,
      todo: 'Press the slow-motion button again: phase 2 draws at every point how the gradient step moves E (down at the data, up at the negatives).',
      state: { paused: true },
      controls: ['alpha'],
      slowMotion: true,
    },
    {
      title: 'Phase 3: the update',
      text: 'Adam (with β1 = 0) moves the parameters down the loss gradient, with the gradient clipped by its norm. The landscape changes a little: valleys deepen under the data, and hills rise where negatives sat without data.',
      formula: '\\theta \\leftarrow \\theta - \\eta\\,\\mathrm{Adam}(\\nabla_\\theta L)',
      todo: 'Press the slow-motion button a third time: phase 3 applies the update; compare the landscapes before and after and their difference.',
      state: { paused: true },
      controls: ['learningRate'],
      slowMotion: true,
    },
    {
      title: 'Many iterations',
      text: 'Repeat this loop a few hundred times and the model’s samples come to look like the data. The KL number in the density section measures how far p_θ still is from the data’s density.',
      formula:
        '\\mathrm{KL}(p_{\\data{\\text{data}}} \\,\\|\\, p_\\theta) = \\int p_{\\data{\\text{data}}} \\log \\frac{p_{\\data{\\text{data}}}}{p_\\theta}',
      todo: 'The model is fresh and paused: sketch your guess, press Play, and after twenty seconds press Reveal.',
      state: { paused: true, reset: true },
      controls: ['learningRate'],
      predict: { target: 'samples' },
    },
  ],
};
