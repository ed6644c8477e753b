// Below the playground: the model's normalised density against the data and the samples
// (three small panels on one colour scale), the numbers (log Z, NLL, KL, sample distance,
// modes), training-health warnings in plain words, and the metrics over iterations. Everything
// here comes from the worker's 'metrics' messages (a few per second); the grids are drawn in
// requestAnimationFrame from densityGrids, outside React.
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { densityGrids } from '../../state/frameHolder';
import { latestMetrics, useApp, useMetrics } from '../../state/store';
import { KDE_BANDWIDTH } from '../../contract/settings';
import { rampGradient } from '../../viz/colormap';
import { setExportMetricsSource } from '../exportJson';
import { Slider } from '../Slider';
import { fmt, pct } from './format';
import { useDensityCanvas } from './useDensityCanvas';
import { usePrefs } from '../../state/prefs';
import { useVisible } from './useVisible';
import { MetricCharts, UNIFORM_NLL } from './MetricCharts';
import { ModeMassTable } from './ModeMassTable';
import { CompareView } from './CompareView';
import './density.css';

const PANEL = 196;

type GridName = 'dataKde' | 'modelDensity' | 'sampleKde';

function Panel({
  grid,
  title,
  label,
  sub,
}: {
  grid: GridName;
  title: ReactNode;
  label: string;
  sub: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const visible = useVisible(ref);
  useDensityCanvas(ref, PANEL, visible, densityGrids, () => {
    const grids = densityGrids.latest;
    return {
      density: grids?.[grid] ?? null,
      gridSize: grids?.gridSize ?? 0,
      modes: grid === 'sampleKde' ? useApp.getState().metrics.modes : [],
    };
  });
  return (
    <figure className="density-panel">
      <canvas
        ref={ref}
        style={{ width: PANEL, height: PANEL }}
        role="img"
        aria-label={`${label}: ${sub}`}
        data-testid={`panel-${grid}`}
      />
      <figcaption>
        <b>{title}</b>
        <span>{sub}</span>
      </figcaption>
    </figure>
  );
}

function ColourBar({ scale }: { scale: number }) {
  // Light (0) on the left to dark (≥ scale) on the right; on the √ scale the middle is scale/4.
  const palette = usePrefs((p) => p.palette);
  const background = useMemo(() => rampGradient(palette, true), [palette]);
  return (
    <div className="density-colourbar">
      <span>density 0</span>
      <div className="ramp-wrap">
        <div className="ramp" style={{ background }} />
        <span className="ramp-mid">{fmt(scale / 4, 2)}</span>
      </div>
      <span>≥ {fmt(scale, 2)} per unit area · the same √ colour scale in all three</span>
    </div>
  );
}

function Bandwidth() {
  const setting = useApp((a) => a.settings.kdeBandwidth);
  const set = useApp((a) => a.setSettings);
  const used = useMetrics((m) => m.latest?.bandwidth);
  const auto = !(setting !== undefined && setting > 0);
  return (
    <div className="density-bandwidth">
      <label className="inline">
        <input
          type="checkbox"
          checked={auto}
          onChange={(e) =>
            set({ kdeBandwidth: e.target.checked ? 0 : Number(fmt(used ?? 0.15, 2)) })
          }
        />
        automatic kernel width (cross-validated on the data)
      </label>
      {auto ? (
        <span className="density-muted">
          KDE bandwidth <b data-testid="bandwidth">{fmt(used, 2)}</b>
        </span>
      ) : (
        <Slider
          label="KDE bandwidth"
          hint="Standard deviation of the Gaussian kernel placed on each point (data units)"
          range={KDE_BANDWIDTH}
          value={setting!}
          format={(v) => fmt(v, 2)}
          onChange={(v) => set({ kdeBandwidth: v })}
        />
      )}
    </div>
  );
}

function Readouts() {
  const m = useMetrics((s) => s.latest);
  const beta = useApp((a) => a.settings.beta);
  const iteration = useMetrics((s) => s.iteration);
  const rows: [string, string, string][] = [
    [
      'NLL',
      m ? `${fmt(m.nll)} nats` : '—',
      `−mean log pθ(data). Uniform on the box: ${fmt(UNIFORM_NLL)}. Lower is better.`,
    ],
    [
      'KL(data ‖ model)',
      m ? `${fmt(m.kl)} nats (floor ${fmt(m.klFloor, 2)} ± ${fmt(m.klFloorStd, 1)})` : '—',
      'Mass of the data KDE the model misses, the model seen through the same kernel (the KDE bandwidth). The floor is what the true density would score with these points (resampled data): judge KL against it, not against 0.',
    ],
    [
      'Levels',
      m && Number.isFinite(m.levelKs)
        ? `D = ${fmt(m.levelKs, 2)} (noise ${fmt(m.levelKsNoise, 2)})`
        : '—',
      "Do the data fall in pθ's dense and thin regions as often as its own samples would? D is the largest gap (KS); it sees structure finer than the KDE's kernel.",
    ],
    [
      'Samples ↔ data',
      m ? fmt(m.slicedW, 2) : '—',
      'Sliced Wasserstein distance: how far samples must move to match the data (x units).',
    ],
  ];
  if (m && Number.isFinite(m.modesTotal))
    rows.push([
      'Modes covered',
      `${m.modesCovered} / ${m.modesTotal}`,
      `Modes holding ≥ half their share of samples; ${pct(m.offModeShare)} of samples between modes.`,
    ]);
  if (m) {
    rows.push(
      [
        'Energy range',
        fmt(beta * (m.energyMax - m.energyMin), 3),
        'β(E_max − E_min) over the box: above ~80, exp(−βE) underflows in most of it.',
      ],
      [
        'Mass on the edge',
        pct(m.borderMass),
        'Share of pθ in the outermost ring of grid cells: it should be ≈ 0.',
      ],
    );
  }
  return (
    <table className="density-readouts" aria-label="Density metrics">
      <tbody>
        {rows.map(([k, v, hint]) => (
          <tr key={k}>
            <th>{k}</th>
            <td data-testid={`metric-${k.split(/\W/)[0].toLowerCase()}`}>{v}</td>
            <td className="density-muted">{hint}</td>
          </tr>
        ))}
      </tbody>
      <caption>
        at iteration {iteration}
        {m ? ` · computed in ${fmt(m.metricsMs, 2)} ms in the worker` : ''}
      </caption>
    </table>
  );
}

function Health() {
  const warnings = useMetrics((s) => s.warnings);
  const healthy = useMetrics((s) => s.healthy);
  const has = useMetrics((s) => s.latest !== null);
  if (!has) return null;
  if (healthy)
    return (
      <div data-testid="health">
        <p className="health ok">
          ✓ Healthy: KL is near its floor, the data fall at the model's density levels as its
          samples would, the mode weights match the data and the chains, and nothing diverges.
        </p>
        {warnings.length > 0 && (
          <ul className="health">
            {warnings.map((w) => (
              <li key={w.id} className={w.level}>
                <b>{w.message}</b> {w.fix}
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  return (
    <ul className="health" data-testid="health">
      {warnings.map((w) => (
        <li key={w.id} className={w.level}>
          <b>{w.message}</b> {w.fix}
        </li>
      ))}
    </ul>
  );
}

export function DensitySection() {
  const scale = useMetrics((s) => s.latest?.densityScale ?? 0.5);
  const kl = useMetrics((s) => s.latest?.kl);
  useEffect(() => {
    setExportMetricsSource(latestMetrics);
    return () => setExportMetricsSource(null);
  }, []);
  return (
    <section className="panel density-section" aria-label="Density and training health">
      <h2>Normalised density: model vs data vs samples</h2>
      <div className="density-top">
        <div>
          <div className="density-panels">
            <Panel grid="dataKde" title="① Data" label="Data" sub="kernel density estimate" />
            <Panel
              grid="modelDensity"
              title={
                <>
                  ② Model p<sub>θ</sub>
                </>
              }
              label="Model density"
              sub="exp(−βE)/Z on the grid"
            />
            <Panel
              grid="sampleKde"
              title="③ Samples"
              label="Samples"
              sub="KDE of the MCMC chains"
            />
          </div>
          <ColourBar scale={scale} />
          <p className="density-compare">
            <b>① vs ②</b> is the <i>model</i> against the data (KL = {fmt(kl)} nats). <b>② vs ③</b>{' '}
            is the <i>sampler</i> against the model: where ③ differs from ②, the chains have not
            caught up with the energy, or are stuck in some of its valleys.
          </p>
          <Bandwidth />
          <CompareView />
        </div>
        <div>
          <Readouts />
          <ModeMassTable />
          <h2>Training health</h2>
          <Health />
        </div>
      </div>
      <h2>Over iterations</h2>
      <MetricCharts />
    </section>
  );
}
