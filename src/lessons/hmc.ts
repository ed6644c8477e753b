// Lesson 5: Hamiltonian Monte Carlo: momentum, the leapfrog path, H nearly conserved.
import type { Lesson } from './types';

/** Leapfrog as src/ebm/samplers/hmc.ts runs it, U = βE. */
export const LEAPFROG_TEX =
  '\\begin{aligned} p &\\leftarrow p - \\tfrac{\\varepsilon}{2}\\grad{\\nabla U(x)} \\\\ \\lf{x} &\\lf{\\leftarrow x + \\varepsilon p} \\\\ p &\\leftarrow p - \\tfrac{\\varepsilon}{2}\\grad{\\nabla U(x)} \\end{aligned}';

export const hmcLesson: Lesson = {
  title: 'Hamiltonian Monte Carlo',
  summary: 'Momentum and leapfrog: long moves that are still accepted.',
  setup: {
    preset: '8gaussians',
    settings: {
      model: 'mlp',
      sampler: 'hmc',
      mode: 'sample',
      objective: 'persistentCd',
      hmcStep: 0.05,
      leapfrogSteps: 10,
    },
    trails: true,
  },
  steps: [
    {
      title: 'Learn a landscape first',
      text: 'HMC needs valleys to glide through. For a few seconds the model trains with Langevin negatives; the next steps freeze it and sample it with HMC.',
      formula: 'p_\\theta(x) \\propto \\exp(-\\beta E_\\theta(x))',
      todo: 'Let it train until the eight valleys are visible, then press Next.',
      state: { settings: { mode: 'train', sampler: 'langevin' } },
      controls: [],
    },
    {
      title: 'A ball rolling on the landscape',
      text: 'HMC gives each chain a random momentum p and lets it glide over the energy landscape like a frictionless ball: total energy H = potential plus kinetic. It climbs out of a valley when it is fast enough.',
      formula:
        'H(x, p) = \\underbrace{\\beta E_\\theta(x)}_{U(x)} + \\tfrac12 \\lVert p \\rVert^2, \\qquad p \\sim \\mathcal{N}(0, I)',
      todo: 'Watch the chains move in long strides compared with Langevin.',
      state: { settings: { stepsPerFrame: 2 } },
      controls: ['hmcStep', 'leapfrogSteps'],
    },
    {
      title: 'The leapfrog path',
      text: 'The glide is computed by L leapfrog steps of size ε: half a kick from the gradient, a drift, half a kick. The path of one chain through those L steps is drawn in purple.',
      formula: LEAPFROG_TEX,
      todo: 'Find the purple leapfrog path, then raise L and watch it grow longer.',
      state: { settings: { stepsPerFrame: 1 } },
      controls: ['hmcStep', 'leapfrogSteps', 'stepsPerFrame'],
    },
    {
      title: 'Why H is nearly conserved',
      text: 'The exact dynamics keeps H constant; leapfrog keeps it up to an error of order ε², and it is reversible and keeps volume. So the Metropolis test, which compares H at the start and the end, accepts almost every trajectory when ε is small.',
      formula:
        '\\begin{aligned} A &= \\min\\big(1, \\exp(H(x_0, p_0) - H(\\lf{x_L}, \\lf{p_L}))\\big) \\\\ |\\Delta H| &= O(\\varepsilon^2) \\end{aligned}',
      todo: 'Raise the leapfrog step ε towards 0.5 and watch the acceptance fall.',
      state: { settings: { hmcStep: 0.05, stepsPerFrame: 5 } },
      controls: ['hmcStep'],
    },
    {
      title: 'Long trajectories cross valleys',
      text: 'With many leapfrog steps a chain can travel from one gaussian to the next in one transition, which Langevin chains almost never do. The cost is L gradient evaluations per transition.',
      formula: '\\text{trajectory length} = L\\,\\varepsilon',
      todo: 'Set L to 40 and count how often chains hop between valleys.',
      state: { settings: { leapfrogSteps: 40, hmcStep: 0.05, stepsPerFrame: 2 } },
      controls: ['hmcStep', 'leapfrogSteps'],
    },
  ],
};
