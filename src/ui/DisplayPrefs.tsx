// Display preferences (this browser's, not the document's; state/prefs.ts): light or dark
// theme, the heatmap palette (two colour-blind-safe choices) and reduced motion. `Auto`
// follows the system setting.
import { useId } from 'react';
import {
  MOTIONS,
  PALETTES,
  THEMES,
  type MotionChoice,
  type PaletteName,
  type ThemeChoice,
} from '../contract/view';
import { usePrefs } from '../state/prefs';
import { PALETTE_TABLE } from '../viz/palette';

const THEME_LABELS: Record<ThemeChoice, string> = {
  auto: 'Auto (system)',
  light: 'Light',
  dark: 'Dark',
};
const MOTION_LABELS: Record<MotionChoice, string> = {
  auto: 'Auto (system)',
  reduce: 'Reduced: no trails, calmer redraw',
  full: 'Full',
};

function Choice<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  names: Record<T, string>;
  onChange: (v: T) => void;
}) {
  const id = useId();
  return (
    <div className="slider">
      <label htmlFor={id}>
        <span>{props.label}</span>
      </label>
      <select id={id} value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.names[o]}
          </option>
        ))}
      </select>
    </div>
  );
}

const PALETTE_LABELS = Object.fromEntries(
  PALETTES.map((p) => [p, PALETTE_TABLE[p].label]),
) as Record<PaletteName, string>;

export function DisplayPrefs() {
  const { theme, palette, motion, setPrefs } = usePrefs();
  return (
    <section className="panel" aria-label="Display">
      <h2>Display</h2>
      <Choice
        label="Theme"
        value={theme}
        options={THEMES}
        names={THEME_LABELS}
        onChange={(theme) => setPrefs({ theme })}
      />
      <Choice
        label="Colours"
        value={palette}
        options={PALETTES}
        names={PALETTE_LABELS}
        onChange={(palette) => setPrefs({ palette })}
      />
      <Choice
        label="Motion"
        value={motion}
        options={MOTIONS}
        names={MOTION_LABELS}
        onChange={(motion) => setPrefs({ motion })}
      />
    </section>
  );
}
