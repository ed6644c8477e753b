// Where re-initialised persistent chains restart (the `reinitFrom` setting; the maths is in
// src/ebm/reinit.ts). One row per source: the label the picker shows and what it teaches.

export const REINIT_SOURCES = ['model', 'data', 'uniform'] as const;
export type ReinitSource = (typeof REINIT_SOURCES)[number];

export interface ReinitSpec {
  label: string;
  explanation: string;
}

export const REINIT_SPECS: Record<ReinitSource, ReinitSpec> = {
  model: {
    label: "The model's own density",
    explanation:
      'Restarts are drawn from p_θ itself, computed on a 64×64 grid (possible only in 2D), then ' +
      'the sampler refines them. Local samplers cannot cross between valleys, so without this ' +
      "the chains' share per valley drifts and the model learns wrong valley weights.",
  },
  data: {
    label: 'The data points',
    explanation:
      'Restarts begin at data points. Cheap and common in practice, but valleys the data do ' +
      'not visit are never explored, so spurious valleys can survive.',
  },
  uniform: {
    label: 'Uniform noise',
    explanation:
      'Restarts are uniform over the box (Du & Mordatch 2019). Honest exploration, but a ' +
      'restarted chain rarely reaches a narrow valley, so valley weights follow where the ' +
      'persistent chains happen to sit.',
  },
};

export const DEFAULT_REINIT: ReinitSource = 'model';
