// A labelled range input whose bounds come from the schema's RANGES (log scale where the
// range spans decades). The value is committed on every change; the worker applies it live.
import { useId } from 'react';
import type { ControlName, Range } from '../state/schema';
import { controlForRange, useHidden } from './persist/hidden';

interface Props {
  label: string;
  hint?: string;
  range: Range;
  value: number;
  format?: (v: number) => string;
  onChange: (v: number) => void;
  /** The setting, for classroom links that hide it; found from `range` when it is in RANGES. */
  control?: ControlName;
}

const toPos = (r: Range, v: number) =>
  r.log ? Math.log(v / r.min) / Math.log(r.max / r.min) : (v - r.min) / (r.max - r.min);

function fromPos(r: Range, t: number): number {
  const raw = r.log ? r.min * Math.pow(r.max / r.min, t) : r.min + t * (r.max - r.min);
  const stepped = r.log ? Number(raw.toPrecision(2)) : Math.round(raw / r.step) * r.step;
  return Math.min(r.max, Math.max(r.min, Number(stepped.toPrecision(6))));
}

export function Slider({ label, hint, range, value, format, onChange, control }: Props) {
  const id = useId();
  const hidden = useHidden(control ?? controlForRange(range));
  if (hidden) return null;
  return (
    <div className="slider" title={hint}>
      <label htmlFor={id}>
        <span>{label}</span>
        <output>{format ? format(value) : String(value)}</output>
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={1000}
        step={1}
        value={Math.round(toPos(range, value) * 1000)}
        aria-valuetext={format ? format(value) : String(value)}
        onChange={(e) => onChange(fromPos(range, Number(e.target.value) / 1000))}
      />
    </div>
  );
}
