// The hover read-out on the landscape, everywhere: under the cursor x, E(x), p_θ(x) and an
// arrow of ∇E, from the latest frame's grid (src/viz/hoverReadout.ts: bilinear interpolation
// and finite differences, no worker round trip). It follows new frames while the cursor rests.
// General on purpose: `extraRows` adds rows computed from the same point (e.g. an OOD
// percentile), so other tools can share the box.
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { frames } from '../state/frameHolder';
import { useApp } from '../state/store';
import { GRAD_COLOUR } from '../viz/gradientField';
import { HoverProbe, type GridBox, type HoverValues } from '../viz/hoverReadout';
import './overlays.css';

export interface ReadoutRow {
  label: ReactNode;
  value: string;
}

const fmt = (v: number) =>
  !Number.isFinite(v)
    ? '—'
    : Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3)
      ? v.toExponential(2)
      : v.toPrecision(3);

/** Arrow length in px: saturating in |∇E| so that steep walls stay on the plot. */
const arrowLength = (g: number) => (56 * g) / (g + 1);

export function HoverReadout({
  canvasRef,
  size,
  box,
  left,
  extraRows,
}: {
  canvasRef: RefObject<HTMLCanvasElement | null>;
  size: number;
  box: GridBox;
  left: number;
  extraRows?: (v: HoverValues) => ReadoutRow[];
}) {
  const [at, setAt] = useState<{ px: number; py: number; v: HoverValues } | null>(null);
  const probe = useRef(new HoverProbe());
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let last: { px: number; py: number } | null = null;
    const compute = () => {
      const f = frames.latest;
      if (!last || !f) return setAt(null);
      const x = box.min + (last.px / size) * (box.max - box.min);
      const y = box.max - (last.py / size) * (box.max - box.min);
      const beta = useApp.getState().settings.beta;
      setAt({ ...last, v: probe.current.values(f.grid, f.gridSize, box, beta, x, y) });
    };
    const move = (e: PointerEvent) => {
      const r = canvas.getBoundingClientRect();
      last = { px: e.clientX - r.left, py: e.clientY - r.top };
      compute();
    };
    const leave = () => {
      last = null;
      setAt(null);
    };
    canvas.addEventListener('pointermove', move);
    canvas.addEventListener('pointerleave', leave);
    // Only a new grid changes what is read out (samples frames keep the grid: no re-render).
    let grid: Float32Array | undefined;
    const unsub = frames.subscribe(() => {
      if (frames.latest?.grid === grid) return;
      grid = frames.latest?.grid;
      if (last) compute();
    });
    return () => {
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerleave', leave);
      unsub();
    };
  }, [canvasRef, size, box]);
  if (!at) return null;
  const { v, px, py } = at;
  const g = Math.hypot(v.gx, v.gy);
  const len = g > 0 ? arrowLength(g) : 0;
  // ∇E in pixels (data y points up).
  const ax = g > 0 ? (v.gx / g) * len : 0;
  const ay = g > 0 ? (-v.gy / g) * len : 0;
  const rows: ReadoutRow[] = [
    { label: 'x', value: `(${v.x.toFixed(2)}, ${v.y.toFixed(2)})` },
    { label: 'E(x)', value: fmt(v.energy) },
    {
      label: (
        <>
          p<sub>θ</sub>(x)
        </>
      ),
      value: fmt(v.density),
    },
    { label: '|∇E|', value: fmt(g) },
    ...(extraRows?.(v) ?? []),
  ];
  const flipX = px > size - 170;
  const flipY = py > size - 110;
  return (
    <>
      <svg
        className="hover-arrow"
        width={size}
        height={size}
        style={{ left, top: 0 }}
        aria-hidden="true"
      >
        <defs>
          <marker
            id="hover-head"
            viewBox="0 0 10 10"
            refX="8"
            refY="5"
            markerWidth="5"
            markerHeight="5"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" fill={GRAD_COLOUR} />
          </marker>
        </defs>
        {len > 2 && (
          <line
            x1={px}
            y1={py}
            x2={px + ax}
            y2={py + ay}
            stroke={GRAD_COLOUR}
            strokeWidth={2.5}
            markerEnd="url(#hover-head)"
          />
        )}
        <circle cx={px} cy={py} r={3} fill="none" stroke="#111" strokeWidth={1.5} />
      </svg>
      <div
        className="hover-readout"
        data-testid="hover-readout"
        data-x={v.x}
        data-y={v.y}
        data-energy={v.energy}
        data-density={v.density}
        data-gx={v.gx}
        data-gy={v.gy}
        style={{
          left: left + (flipX ? px - 164 : px + 14),
          top: flipY ? py - 104 : py + 14,
        }}
      >
        <table>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <th scope="row">{r.label}</th>
                <td>{r.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <span className="hover-key" style={{ color: GRAD_COLOUR }}>
          → ∇E (uphill)
        </span>
      </div>
    </>
  );
}
