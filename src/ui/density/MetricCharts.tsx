// The density metrics over iterations: NLL (against the uniform baseline), KL, the sample
// distance and the training-health read-outs, one small chart each.
import { useMetrics } from '../../state/store';
import type { Series } from '../../viz/lineChart';
import { LineChartFigure } from '../LineChartFigure';

/** NLL of the uniform density on the [−4, 4]² box: what a model that knows nothing scores. */
export const UNIFORM_NLL = Math.log(64);

function MetricChart(props: { title: string; hint: string; series: Series[]; xs: number[] }) {
  return <LineChartFigure className="density-chart" {...props} />;
}

export function MetricCharts() {
  const h = useMetrics((s) => s.history);
  const xs = h.iteration;
  const flat = (v: number) => xs.map(() => v);
  return (
    <div className="density-charts">
      <MetricChart
        title="NLL (nats per point)"
        hint="Negative log-likelihood of the data under the normalised model"
        xs={xs}
        series={[
          { label: 'model', colour: '#1d4e89', values: h.nll },
          { label: 'uniform', colour: '#94a3b8', values: flat(UNIFORM_NLL), dash: [4, 3] },
        ]}
      />
      <MetricChart
        title="KL(data ‖ model) (nats)"
        hint="KL divergence of the model density from the data KDE"
        xs={xs}
        series={[{ label: 'KL', colour: '#7c3aed', values: h.kl }]}
      />
      <MetricChart
        title="Samples ↔ data distance (sliced W₁)"
        hint="Sliced Wasserstein-1 distance between the chains and the data, in x units"
        xs={xs}
        series={[{ label: 'SW₁', colour: '#ea580c', values: h.slicedW }]}
      />
      <MetricChart
        title="Energy gap E(data) − E(samples)"
        hint="Near 0 when the samples keep up with the model; a steady drift means they do not"
        xs={xs}
        series={[{ label: 'gap', colour: '#0f766e', values: h.gap }]}
      />
      <MetricChart
        title="Mean |∇ₓE| at the samples"
        hint="How steep the energy is where the chains are; it sets the Langevin drift per step"
        xs={xs}
        series={[{ label: '|∇ₓE|', colour: '#b45309', values: h.gradX }]}
      />
      <MetricChart
        title="Parameter-gradient norm"
        hint="Global L2 norm of ∂loss/∂θ before clipping; spikes warn of instability"
        xs={xs}
        series={[{ label: '‖∇θ‖', colour: '#475569', values: h.paramGradNorm }]}
      />
    </div>
  );
}
