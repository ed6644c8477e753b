// Lesson 8: break it, then fix it — one failure per step, with a button that repairs it. The
// lesson restarts chains uniformly (not from the model's grid density, the app's default):
// drawn from p_θ itself, ρ = 1 would sample the model exactly and "too few steps" would not
// break anything.
import type { Lesson } from './types';

export const breakIt: Lesson = {
  title: 'Break it',
  summary: 'Four ways training fails, each with a fix-it button.',
  setup: {
    preset: '8gaussians',
    settings: {
      model: 'mlp',
      sampler: 'langevin',
      mode: 'train',
      objective: 'persistentCd',
      reinitFrom: 'uniform',
      learningRate: 0.01,
      langevinStep: 0.01,
      alpha: 0.01,
      reinitFraction: 0.05,
      chainSteps: 20,
    },
  },
  steps: [
    {
      title: 'Step too large',
      text: 'A learning rate of 0.03 with a sampler step of 0.2 makes each update overshoot. Watch the loss chart jump; if the energies blow up, the page rolls back to the last good model and says so in a notice.',
      formula: '\\eta = 0.03, \\qquad \\varepsilon = 0.2',
      todo: 'Watch the loss chart and the notice line, then press Fix it.',
      state: { settings: { learningRate: 0.03, langevinStep: 0.2 } },
      controls: ['learningRate', 'langevinStep'],
      panels: ['charts'],
      fix: {
        label: 'Fix it: η = 0.01, ε = 0.01',
        settings: { learningRate: 0.01, langevinStep: 0.01 },
      },
    },
    {
      title: 'No regulariser',
      text: 'The contrastive loss only sees differences of energy: adding a constant to E changes nothing. Without the α term nothing holds the energies in place, and E(data) and E(samples) drift together, far from zero.',
      formula:
        "L = \\data{\\overline{E(x)}} - \\samp{\\overline{E(x')}} + \\underbrace{0}_{\\alpha = 0}",
      todo: 'Watch E(data) and E(samples) in the training chart drift, then press Fix it.',
      state: { settings: { alpha: 0 } },
      controls: ['alpha'],
      panels: ['charts'],
      fix: { label: 'Fix it: α = 0.01', settings: { alpha: 0.01 } },
    },
    {
      title: 'No re-init',
      text: 'With a re-init fraction of 0, chains that left a mode never come back, and the model stops putting mass there. Modes go missing, and nothing in the loss notices.',
      formula: '\\rho = 0',
      todo: 'Watch the modes-covered count, then press Fix it.',
      state: { settings: { reinitFraction: 0 } },
      controls: ['reinitFraction'],
      fix: { label: 'Fix it: ρ = 5 %', settings: { reinitFraction: 0.05 } },
    },
    {
      title: 'Too few steps',
      text: 'Short-run chains: every chain starts from fresh noise and takes only K = 5 steps. The model learns an energy whose 5-step samples land near the data, which need not make p_θ the data density. Only because Z is exact here can the page show the difference: compare the samples with the p_θ view, and watch the KL.',
      formula:
        "K = 5, \\quad \\rho = 1: \\quad \\samp{x'} = \\text{5 steps from } \\mathcal{U}(\\text{box})",
      todo: 'Compare the orange samples with the p_θ view, then press Fix it.',
      state: {
        density: 'density',
        settings: { chainSteps: 5, reinitFraction: 1, langevinStep: 0.05 },
      },
      controls: ['chainSteps', 'reinitFraction', 'view'],
      fix: {
        label: 'Fix it: K = 20, ρ = 5 %, ε = 0.01',
        settings: { chainSteps: 20, reinitFraction: 0.05, langevinStep: 0.01 },
      },
    },
  ],
};
