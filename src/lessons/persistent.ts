// Lesson 7: persistent chains and the replay buffer; short-run chains; a missing mode.
import type { Lesson } from './types';

export const persistent: Lesson = {
  title: 'Persistent chains',
  summary: 'The replay buffer, the re-init fraction, and a missing mode.',
  setup: {
    preset: '8gaussians',
    settings: { model: 'mlp', sampler: 'langevin', mode: 'train', chainSteps: 20, chains: 2048 },
  },
  steps: [
    {
      title: 'A replay buffer of chains',
      text: 'K = 20 sampler steps are not enough to reach p_θ from scratch. So the page keeps its chains between iterations: each iteration continues from where the last one stopped, and a small fraction ρ restarts uniformly in the box.',
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
      title: 'Challenge: cover all 8 modes',
      text: 'A mode is covered when it holds at least half its share of the samples. With persistent chains and a few percent restarting, all eight gaussians should fill up.',
      formula: '\\text{covered modes} = 8 \\text{ of } 8',
      todo: 'Keep ρ around 5 % and train until all 8 modes are covered.',
      state: { settings: { reinitFraction: 0.05 } },
      controls: ['reinitFraction', 'reset'],
      challenge: {
        goal: 'All 8 modes covered',
        met: (l) => l.modesTotal === 8 && l.modesCovered === 8,
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
