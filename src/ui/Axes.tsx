// Axes in data coordinates, drawn as SVG from d3's tick positions (changes only on resize).
import { scaleLinear } from 'd3';

export function Axes({
  size,
  box,
  left,
}: {
  size: number;
  box: { min: number; max: number };
  left: number;
}) {
  const x = scaleLinear().domain([box.min, box.max]).range([0, size]);
  const y = scaleLinear().domain([box.min, box.max]).range([size, 0]);
  const ticks = x.ticks(8);
  return (
    <svg className="axes" width={size + left} height={size + 28} aria-hidden="true">
      {ticks.map((t) => (
        <g key={`x${t}`} transform={`translate(${left + x(t)},${size})`}>
          <line y2={5} stroke="#94a3b8" />
          <text y={18} textAnchor="middle">
            {t}
          </text>
        </g>
      ))}
      {ticks.map((t) => (
        <g key={`y${t}`} transform={`translate(${left},${y(t)})`}>
          <line x2={-5} stroke="#94a3b8" />
          <text x={-8} dy="0.32em" textAnchor="end">
            {t}
          </text>
        </g>
      ))}
    </svg>
  );
}
