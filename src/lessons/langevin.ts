// Lesson 3: Langevin sampling in slow motion, step too small, step too large.
// The update formula is the code's (src/ebm/samplers/langevin.ts; formulas.test.ts checks it).
import type { Lesson } from './types';

/** The Langevin update, as src/ebm/samplers/langevin.ts computes it. */
export const LANGEVIN_TEX =
  'x \\leftarrow x - \\frac{\\varepsilon}{2}\\,\\grad{\\nabla_x(\\beta E_\\theta)(x)} + \\mathcal{N}(0, \\varepsilon I)';

export const langevinLesson: Lesson = {
  title: 'Langevin sampling',
  summary: 'A gradient step plus noise; too small mixes slowly, too large is biased.',
  setup: {
    preset: '8gaussians',
    settings: {
      model: 'mlp',
      sampler: 'langevin',
      mode: 'sample',
      objective: 'persistentCd',
      langevinStep: 0.01,
    },
    trails: true,
  },
  steps: [
    {
      title: 'Learn a landscape first',
      text: 'Sampling needs a landscape to sample. For a few seconds the model trains on the eight gaussians; the next steps freeze it and only move the chains.',
      formula: 'p_\\theta(x) \\propto \\exp(-\\beta E_\\theta(x))',
      todo: 'Let it train until the eight valleys are visible, then press Next.',
      state: { settings: { mode: 'train' } },
      controls: [],
    },
    {
      title: 'One step: downhill plus noise',
      text: 'Each chain moves a little downhill along −∇E (the drift) and takes a random jump of variance ε. The noise is what makes this a sampler rather than an optimiser: without it every chain would fall into the nearest valley and stop.',
      formula: LANGEVIN_TEX,
      todo: 'The run is paused: press Step a few times and follow the dark trails.',
      state: { paused: true, settings: { stepsPerFrame: 1 } },
      controls: ['langevinStep', 'stepsPerFrame'],
    },
    {
      title: 'Step too small: slow mixing',
      text: 'With ε = 0.0001 each move is tiny: the chains crawl, and a chain that sits in one valley will not reach another in any reasonable time. The distance-versus-steps curve falls slowly.',
      formula: '\\text{move per step} \\sim \\sqrt{\\varepsilon} = 0.01',
      todo: 'Press Play and watch the distance curve in the sampler panel flatten out slowly.',
      state: { settings: { langevinStep: 0.0001, stepsPerFrame: 10 } },
      controls: ['langevinStep', 'stepsPerFrame'],
    },
    {
      title: 'Step too large: biased',
      text: 'With ε = 0.2 the chains jump far, but the discretised dynamics no longer leaves p_θ unchanged: samples spread wider than the density they should follow. Unadjusted Langevin is exact only as ε → 0.',
      formula: '\\varepsilon \\gg 0: \\quad \\text{stationary law} \\neq p_\\theta',
      todo: 'Compare the orange samples with the dark regions of the p_θ view.',
      state: { density: 'density', settings: { langevinStep: 0.2, stepsPerFrame: 10 } },
      controls: ['langevinStep', 'view'],
    },
    {
      title: 'Samples against the exact p',
      text: 'Because Z is exact here, the page can compare the samples with p_θ itself. The density section shows the sample histogram (as a smoothed density) next to the exact p_θ; with a moderate ε they agree.',
      formula:
        '\\hat p_{\\samp{\\text{samples}}} \\approx p_\\theta \\quad \\text{for small } \\varepsilon',
      todo: 'Set ε back near 0.01 and compare the model and samples panels in the density section.',
      state: { density: 'density', settings: { langevinStep: 0.01 } },
      controls: ['langevinStep', 'view'],
    },
  ],
};
