// Lesson 10: what else an energy buys — classes as energies (JEM), energy as an
// out-of-distribution score, composing energies, and recovering a missing coordinate.
import type { Lesson } from './types';

export const beyond: Lesson = {
  title: 'Beyond densities',
  summary: 'Classes as energies (JEM), OOD scores, composing energies, recovering a coordinate.',
  setup: {
    preset: '8gaussians',
    settings: { model: 'mlp', sampler: 'langevin', mode: 'train', objective: 'persistentCd' },
  },
  steps: [
    {
      title: 'A classifier is an energy model',
      text: 'Give the network one output per class: logits f(x)[y]. Read them as energies, E(x, y) = −f(x)[y]; summing out y gives an energy for x alone, and the usual softmax classifier falls out as p(y|x). The joint energy model (JEM) trains both: cross-entropy for p(y|x), plus λ times the contrastive term for p(x).',
      formula:
        "p(y\\mid x) = \\frac{e^{f(x)[y]}}{\\sum_{y'} e^{f(x)[y']}}, \\qquad E(x) = -\\log \\sum_y e^{f(x)[y]}",
      todo: 'Press 2 and click a few points on the right, press 3 and click a few on the left: watch the class regions form.',
      state: { settings: { model: 'jem', jemLambda: 1 } },
      controls: ['model', 'points'],
      panels: ['jem'],
    },
    {
      title: 'Classifier only: the energy means nothing',
      text: 'With λ = 0 only the cross-entropy is trained. p(y|x) is still learned, so the accuracy is fine, but nothing ties E(x) to where the data are: far from the points the energy can be as low as on them.',
      formula: "L = -\\log p(y\\mid \\data{x}) + \\lambda \\big(E(\\data{x}) - E(\\samp{x'})\\big)",
      todo: 'Compare the E(x) view at λ = 0 and at λ = 1.',
      state: { settings: { model: 'jem', jemLambda: 0 } },
      controls: ['view'],
      panels: ['jem'],
    },
    {
      title: 'Energy as an out-of-distribution score',
      text: 'A point the model has never seen should get a high energy. The contour marks a chosen percentile of the data’s energies; the hover read-out gives any point’s percentile. With an outlier marked, the page scores how well −E(x) separates data from outliers (AUROC: 1 is perfect, 0.5 is chance).',
      formula: '\\mathrm{AUROC} = P\\big(E(\\data{x}) < E(x_{\\text{out}})\\big)',
      todo: 'Use the Outlier tool to put a point far from the data and read its AUROC.',
      state: { settings: { model: 'jem', jemLambda: 1 } },
      controls: ['points', 'view'],
      panels: ['jem'],
    },
    {
      title: 'Composing energies',
      text: 'Energies add: E = w₁E₁ + w₂E₂ is a product of experts, p ∝ p₁^w₁ · p₂^w₂, so it is high only where every expert agrees (“and”). The soft minimum −log(exp(−E₁) + exp(−E₂)) is a mixture instead (“or”). Freeze a trained model as an expert, train another, and mix them.',
      formula: 'E(x) = \\sum_i w_i E_i(x) \\quad\\text{vs}\\quad E(x) = -\\log \\sum_i e^{-E_i(x)}',
      todo: 'In the Compose panel, freeze the current model as an expert (or press Example: half ring) and move the weights.',
      state: { settings: { model: 'mlp' } },
      controls: ['points', 'view'],
      panels: ['compose'],
    },
    {
      title: 'Recovering a missing coordinate',
      text: 'Knowing x, the energy still gives a density for y: p(y | x = c) ∝ exp(−βE(c, y)), exact here on the grid. Chains that move only y, with x held at c, sample it; their histogram should match the curve.',
      formula:
        "p(y \\mid x = c) = \\frac{e^{-\\beta E(c,\\, y)}}{\\int e^{-\\beta E(c,\\, y')}\\, dy'}",
      todo: 'Click the x axis to clamp x, and compare the histogram of the clamped chains with the curve.',
      state: { settings: { model: 'mlp' } },
      controls: ['points', 'view'],
      panels: ['recovery'],
    },
  ],
};
