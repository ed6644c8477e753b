// Loss and E(data) vs E(samples) over iterations. Redrawn at status rate (a few Hz).
import type { StatHistory } from '../state/slices/engineStatus';
import { useApp } from '../state/store';
import { ChartList, type ChartRow } from './ChartList';

const TRAINING_CHARTS: readonly ChartRow<StatHistory>[] = [
  { title: 'CD loss', lines: [{ label: 'loss', colour: '#0f172a', values: (h) => h.loss }] },
  {
    title: 'Mean energy',
    lines: [
      { label: 'E(data)', colour: '#1d4e89', values: (h) => h.eData },
      { label: 'E(samples)', colour: '#ea580c', values: (h) => h.eNeg },
    ],
  },
];

export function Charts() {
  const h = useApp((a) => a.statHistory);
  return (
    <section className="panel charts" aria-label="Training curves">
      <ChartList rows={TRAINING_CHARTS} history={h} />
    </section>
  );
}
