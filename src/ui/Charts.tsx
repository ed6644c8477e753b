// Loss and E(data) vs E(samples) over iterations. Redrawn at status rate (a few Hz).
import { useApp } from '../state/store';
import { LineChartFigure } from './LineChartFigure';

export function Charts() {
  const h = useApp((a) => a.statHistory);
  return (
    <section className="panel charts" aria-label="Training curves">
      <LineChartFigure
        title="CD loss"
        xs={h.iteration}
        series={[{ label: 'loss', colour: '#0f172a', values: h.loss }]}
      />
      <LineChartFigure
        title="Mean energy"
        xs={h.iteration}
        series={[
          { label: 'E(data)', colour: '#1d4e89', values: h.eData },
          { label: 'E(samples)', colour: '#ea580c', values: h.eNeg },
        ]}
      />
    </section>
  );
}
