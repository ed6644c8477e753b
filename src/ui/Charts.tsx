// Loss and E(data) vs E(samples) over iterations. Redrawn at status rate (a few Hz).
import { useEffect, useRef } from 'react';
import { useApp } from '../state/store';
import { drawLineChart, type Series } from '../viz/lineChart';

function Chart({ title, series, xs }: { title: string; series: Series[]; xs: number[] }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    const dpr = window.devicePixelRatio || 1;
    const w = c.clientWidth || 300;
    const h = c.clientHeight || 110;
    c.width = w * dpr;
    c.height = h * dpr;
    const ctx = c.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawLineChart(ctx, w, h, xs, series);
  }, [series, xs]);
  return (
    <figure className="chart">
      <figcaption>
        {title}
        {series.length > 1 &&
          series.map((s) => (
            <span key={s.label} className="key" style={{ color: s.colour }}>
              ━ {s.label}
            </span>
          ))}
      </figcaption>
      <canvas ref={ref} role="img" aria-label={title} />
    </figure>
  );
}

export function Charts() {
  const h = useApp((a) => a.statHistory);
  return (
    <section className="panel charts" aria-label="Training curves">
      <Chart
        title="CD loss"
        xs={h.iteration}
        series={[{ label: 'loss', colour: '#0f172a', values: h.loss }]}
      />
      <Chart
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
