// One small line chart: a captioned canvas sized to its CSS box at the device pixel ratio,
// redrawn when its data change and only while it is on screen. Every chart in the page
// (training curves, density metrics, sample distance) is one of these.
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { DARK_INK, drawLineChart, forDark, LIGHT_INK, type Series } from '../viz/lineChart';
import { isDark, usePrefs } from '../state/prefs';
import { useVisible } from './density/useVisible';

interface Props {
  title: ReactNode;
  /** Defaults to the title when it is plain text. */
  ariaLabel?: string;
  series: Series[];
  xs: number[];
  className?: string;
  hint?: string;
  /** Options passed to drawLineChart (x-axis label, text shown before there is data). */
  options?: { xLabel?: string; waiting?: string };
  /** Show a colour key for each series in the caption (default: when there are several). */
  showKey?: boolean;
  children?: ReactNode;
}

export function LineChartFigure(p: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const visible = useVisible(ref);
  const dark = usePrefs(isDark);
  const { xs, options } = p;
  const series = useMemo(
    () => (dark ? p.series.map((s) => ({ ...s, colour: forDark(s.colour) })) : p.series),
    [p.series, dark],
  );
  useEffect(() => {
    const c = ref.current;
    if (!c || !visible) return;
    const dpr = window.devicePixelRatio || 1;
    const w = c.clientWidth || 300;
    const h = c.clientHeight || 100;
    c.width = w * dpr;
    c.height = h * dpr;
    const ctx = c.getContext('2d')!;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    drawLineChart(ctx, w, h, xs, series, options, dark ? DARK_INK : LIGHT_INK);
  }, [series, dark, xs, options, visible]);
  const showKey = p.showKey ?? series.length > 1;
  return (
    <figure className={`chart ${p.className ?? ''}`} title={p.hint}>
      <figcaption>
        {p.title}
        {showKey &&
          series.map((s) => (
            // The swatch carries the line's colour; the label stays dark enough to read (axe).
            <span key={s.label} className="key">
              <span style={{ color: s.colour }} aria-hidden="true">
                {s.dash ? '┅' : '━'}
              </span>{' '}
              {s.label}
            </span>
          ))}
      </figcaption>
      <canvas
        ref={ref}
        role="img"
        aria-label={p.ariaLabel ?? (typeof p.title === 'string' ? p.title : undefined)}
      />
      {p.children}
    </figure>
  );
}
