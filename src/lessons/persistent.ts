// Lesson 7: persistent chains and the replay buffer; short-run chains; a missing mode; where
// restarts land (uniform noise, the data, or p_θ's own grid density: contract/reinit.ts). The
// lesson sets the classic uniform restarts itself (the app's default restarts from the model),
// so its first steps say what runs; step 4 compares the three sources.
import type { Lesson, LiveNumbers } from './types';

/** How far each mode's model mass may be from the data's share there, and the KL bound. */
export const MODE_MASS_TOL = 0.05;
export const EIGHT_MODES_KL = 1;

/**
 * Coverage alone ticked too early (the samples sat in every mode while p_θ's mode weights were
 * still wrong): the density must be right too, checked exactly on the grid.
 */
export function eightModesMet(l: LiveNumbers): boolean {
  return (
    l.modesTotal === 8 &&
    l.modesCovered === 8 &&
    l.modeMass.length === 8 &&
    l.modeMass.every((m) => Math.abs(m.model - m.data) <= MODE_MASS_TOL) &&
    l.kl !== null &&
    l.kl < EIGHT_MODES_KL
  );
}

export const persistent: Lesson = {
  title: 'Persistent chains',
  summary: 'The replay buffer, the re-init fraction, and a missing mode.',
  setup: {
    preset: '8gaussians',
    settings: {
      model: 'mlp',
      sampler: 'langevin',
      mode: 'train',
      objective: 'persistentCd',
      reinitFrom: 'uniform',
      chainSteps: 20,
      chains: 2048,
    },
  },
  steps: [
    {
      title: 'A replay buffer of chains',
      text: 'K = 20 sampler steps are not enough to reach p_θ from scratch. So the page keeps its chains between iterations: each iteration continues from where the last one stopped, and a small fraction ρ restarts, here uniformly in the box (step 4 shows better places to restart).',
      formula:
        "\\samp{x'_0} \\leftarrow \\begin{cases} \\text{the chain's last state} & \\text{prob. } 1-\\rho \\\\ \\mathcal{U}(\\text{box}) & \\text{prob. } \\rho \\end{cases}",
      todo: 'Read the re-init fraction slider: 5 % of the chains restart each iteration.',
      state: { settings: { reinitFraction: 0.05 } },
      controls: ['reinitFraction'],
    },
    {
      title: 'Short-run chains',
      text: 'With ρ = 100 % every chain starts from noise and runs only K steps. The model then learns to make K-step samples look like data, which is not the same as learning the data density: watch the KL number.',
      formula: "\\rho = 1: \\quad \\samp{x'} = \\text{K steps from } \\mathcal{U}(\\text{box})",
      todo: 'Let it train for twenty seconds and compare the KL with persistent chains.',
      state: { settings: { reinitFraction: 1 } },
      controls: ['reinitFraction', 'chainSteps'],
    },
    {
      title: 'No re-init: a missing mode',
      text: 'With ρ = 0 chains never restart. Langevin chains hardly cross between valleys, so a mode that loses its chains may never get them back, and the model forgets it. The mode count in the density section shows it.',
      formula: '\\rho = 0: \\quad \\text{mass moves only by crossing}',
      todo: 'Watch the modes-covered count in the density section; reset if nothing changes.',
      state: { settings: { reinitFraction: 0 } },
      controls: ['reinitFraction', 'reset'],
    },
    {
      title: 'Where restarts land: noise, data or the model',
      text: 'A restart can also start at a data point, or be drawn from p_θ itself: exp(−βE) on a 64 × 64 grid picks a cell, and the sampler refines the point. Restarts from the model land in each valley in proportion to its mass, so the chains’ share per valley follows p_θ although Langevin chains do not cross. That is the page’s default.',
      formula:
        "\\samp{x'_0} \\sim q_\\theta(c) = \\frac{e^{-\\beta E_\\theta(x_c)}}{\\sum_{c'} e^{-\\beta E_\\theta(x_{c'})}}, \\quad c \\in 64 \\times 64 \\text{ cells}",
      todo: 'Switch “Restart from” between the model, the data and noise; watch how evenly the orange samples share the eight valleys.',
      state: { settings: { reinitFrom: 'model', reinitFraction: 0.05 } },
      controls: ['reinitFrom', 'reinitFraction'],
    },
    {
      title: 'Challenge: all 8 modes, each with its share',
      text: 'Holding samples in every mode is not enough: each gaussian must also get its share of p_θ’s mass, about 1/8. Z is exact on the grid, so the page can check it; the mode-mass table in the density section shows the numbers.',
      formula:
        '\\Big|\\int_{\\text{cell}_k} p_\\theta - \\tfrac{\\#\\{\\data{x} \\in \\text{cell}_k\\}}{N}\\Big| \\le 0.05 \\;\\; \\forall k, \\qquad \\mathrm{KL} < 1',
      todo: 'Train until every mode is within ±0.05 of its share. Uniform restarts rarely get there: restart from the model, use MALA, and once all 8 hold samples lower the learning rate to about 3e-4.',
      state: { settings: { reinitFraction: 0.05 } },
      controls: ['reinitFrom', 'reinitFraction', 'learningRate', 'sampler', 'reset'],
      challenge: {
        goal: `All 8 modes covered, each within ±${MODE_MASS_TOL} of its data share, and KL below ${EIGHT_MODES_KL} nats`,
        met: eightModesMet,
      },
    },
    {
      title: 'Challenge: KL below 1.5',
      text: 'Covering the modes is not the whole story: each mode must also get its share of the mass and the right width. The KL between the data density and p_θ sums up both; an untrained model starts above 3 nats.',
      formula: '\\mathrm{KL}(p_{\\data{\\text{data}}} \\,\\|\\, p_\\theta) < 1.5 \\text{ nats}',
      todo: 'Train (change ρ, K or the learning rate if it stalls) until the KL is below 1.5 nats.',
      state: { settings: { reinitFraction: 0.05 } },
      controls: ['reinitFraction', 'chainSteps', 'learningRate', 'reset'],
      challenge: {
        goal: 'KL(data‖model) below 1.5 nats',
        met: (l) => l.kl !== null && l.kl < 1.5,
      },
    },
  ],
};
