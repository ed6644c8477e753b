// The density metrics over iterations: NLL (against the uniform baseline), KL, the sample
// distance and the training-health read-outs, one small chart each (a row of the table).
import type { MetricsHistory } from '../../state/slices/metrics';
import { useMetrics } from '../../state/store';
import { ChartList, type ChartRow } from '../ChartList';

/** NLL of the uniform density on the [−4, 4]² box: what a model that knows nothing scores. */
export const UNIFORM_NLL = Math.log(64);

const METRIC_CHARTS: readonly ChartRow<MetricsHistory>[] = [
  {
    title: 'NLL (nats per point)',
    hint: 'Negative log-likelihood of the data under the normalised model',
    lines: [
      { label: 'model', colour: '#1d4e89', values: (h) => h.nll },
      {
        label: 'uniform',
        colour: '#94a3b8',
        values: (h) => h.iteration.map(() => UNIFORM_NLL),
        dash: [4, 3],
      },
    ],
  },
  {
    title: 'KL(data ‖ model) (nats)',
    hint: 'KL divergence of the model density (through the same kernel) from the data KDE; the floor is what the true density would score on these points',
    lines: [
      { label: 'KL', colour: '#7c3aed', values: (h) => h.kl },
      { label: 'floor', colour: '#94a3b8', values: (h) => h.klFloor, dash: [4, 3] },
    ],
  },
  {
    title: 'Samples ↔ data distance (sliced W₁)',
    hint: 'Sliced Wasserstein-1 distance between the chains and the data, in x units',
    lines: [{ label: 'SW₁', colour: '#ea580c', values: (h) => h.slicedW }],
  },
  {
    title: 'Energy gap E(data) − E(samples)',
    hint: 'Near 0 when the samples keep up with the model; a steady drift means they do not',
    lines: [{ label: 'gap', colour: '#0f766e', values: (h) => h.gap }],
  },
  {
    title: 'Mean |∇ₓE| at the samples',
    hint: 'How steep the energy is where the chains are; it sets the Langevin drift per step',
    lines: [{ label: '|∇ₓE|', colour: '#b45309', values: (h) => h.gradX }],
  },
  {
    title: 'Parameter-gradient norm',
    hint: 'Global L2 norm of ∂loss/∂θ before clipping; spikes warn of instability',
    lines: [{ label: '‖∇θ‖', colour: '#475569', values: (h) => h.paramGradNorm }],
  },
];

export function MetricCharts() {
  const h = useMetrics((s) => s.history);
  return (
    <div className="density-charts">
      <ChartList rows={METRIC_CHARTS} history={h} className="density-chart" />
    </div>
  );
}
