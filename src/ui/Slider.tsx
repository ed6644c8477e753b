// A labelled range input (log scale where the range spans decades). The value is committed
// on every change; the worker applies it live. SettingSlider draws one row of the contract's
// settings table; Slider serves the few controls outside it.
import { useId } from 'react';
import type { Range } from '../contract/range';
import { formatValue } from '../contract/range';
import type { NumberKey, SettingRow } from '../contract/settings';
import type { ControlName } from '../contract/view';
import { useApp } from '../state/store';
import { useHidden } from './persist/hidden';

interface Props {
  label: string;
  hint?: string;
  range: Range;
  value: number;
  format?: (v: number) => string;
  onChange: (v: number) => void;
  /** The setting, for classroom links that hide it. */
  control?: ControlName;
}

const toPos = (r: Range, v: number) =>
  r.log ? Math.log(v / r.min) / Math.log(r.max / r.min) : (v - r.min) / (r.max - r.min);

function fromPos(r: Range, t: number): number {
  const raw = r.log ? r.min * Math.pow(r.max / r.min, t) : r.min + t * (r.max - r.min);
  const stepped = r.log ? Number(raw.toPrecision(2)) : Math.round(raw / r.step) * r.step;
  // Integer settings stay integers whatever the log scale rounds to.
  const whole = Number.isInteger(r.step) ? Math.round(stepped) : stepped;
  return Math.min(r.max, Math.max(r.min, Number(whole.toPrecision(6))));
}

export function Slider({ label, hint, range, value, format, onChange, control }: Props) {
  const id = useId();
  const hidden = useHidden(control);
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

/** One row of the settings table, bound to the store. */
export function SettingSlider({ row }: { row: SettingRow }) {
  const value = useApp((a) => a.settings[row.key as NumberKey]);
  const set = useApp((a) => a.setSettings);
  const unit = row.unit && row.format !== 'pct' ? ` (${row.unit})` : '';
  return (
    <Slider
      label={row.label}
      hint={row.hint ? `${row.hint}${unit}` : undefined}
      range={row}
      value={value}
      format={(v) => formatValue(v, row.format)}
      onChange={(v) => set({ [row.key]: v })}
      control={row.key}
    />
  );
}
