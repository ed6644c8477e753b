// What a page shows and lets a classroom link hide: density views, layer toggles, controls,
// and the caps on what a file may carry.
import {
  CHAIN_OPTIONS,
  NUMBER_KEYS,
  SETTING_BY_KEY,
  SETTING_ROWS,
  type NumberKey,
} from './settings';

/** What the density panel shows. */
export const DENSITY_MODES = ['energy', 'unnormalised', 'density', 'logdensity'] as const;
export type DensityMode = (typeof DENSITY_MODES)[number];

export interface ViewOptions {
  show: { samples: boolean; contours: boolean; points: boolean };
  density: DensityMode;
}

export const DEFAULT_VIEW: ViewOptions = {
  show: { samples: true, contours: true, points: true },
  density: 'energy',
};

/** Hard caps: a file or a link cannot set what the editor could not. */
export const MAX_POINTS = 10_000;
/** The most saved samples a file may carry: one per chain at the largest chain count. */
export const MAX_SAMPLES = CHAIN_OPTIONS[CHAIN_OPTIONS.length - 1];

const OTHER_CONTROLS = {
  chains: 'Chains',
  sampler: 'Sampler',
  objective: 'Objective',
  reinitFrom: 'Restart from',
  model: 'Model',
  mode: 'Train / sample mode',
  seed: 'Seed',
  preset: 'Preset data',
  points: 'Point editing',
  view: 'Layer toggles',
  import: 'Import',
  export: 'Export',
  share: 'Copy link',
  reset: 'Reset',
} as const;

/**
 * Controls a classroom link may hide: every setting, plus the non-setting controls. A fixed
 * list, so a link cannot name (and the UI never looks up) arbitrary keys.
 */
export type ControlName = NumberKey | keyof typeof OTHER_CONTROLS;
export const CONTROL_NAMES: readonly ControlName[] = [
  ...NUMBER_KEYS,
  ...(Object.keys(OTHER_CONTROLS) as (keyof typeof OTHER_CONTROLS)[]),
];

/**
 * Panels beside the landscape: presentation mode shows one only when the current lesson step
 * names it, or uses one of the controls it holds (PANEL_CONTROLS). The settings panel is not
 * here: it shows whatever controls the step uses.
 */
export const PANEL_NAMES = [
  'sampler',
  'timeline',
  'display',
  'charts',
  'jem',
  'compose',
  'recovery',
] as const;
export type PanelName = (typeof PANEL_NAMES)[number];

/** The controls a panel holds: a step that uses one of them shows that panel. */
export const PANEL_CONTROLS: Partial<Record<PanelName, readonly ControlName[]>> = {
  sampler: [
    'mode',
    'model',
    'sampler',
    ...SETTING_ROWS.filter((r) => r.group === 'sampler' || r.group === 'sampling').map(
      (r) => r.key,
    ),
  ],
};

/** Each control's name for people. */
export function controlLabel(name: ControlName): string {
  return name in OTHER_CONTROLS
    ? OTHER_CONTROLS[name as keyof typeof OTHER_CONTROLS]
    : SETTING_BY_KEY[name as NumberKey].label;
}

/**
 * This browser's display preferences (local storage, never the document or a link: a shared
 * link must not turn a colleague's page dark). `auto` follows the system setting.
 */
export const PALETTES = ['default', 'viridis', 'cividis'] as const;
export type PaletteName = (typeof PALETTES)[number];
export const THEMES = ['auto', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEMES)[number];
export const MOTIONS = ['auto', 'reduce', 'full'] as const;
export type MotionChoice = (typeof MOTIONS)[number];
export interface DisplayPrefs {
  theme: ThemeChoice;
  palette: PaletteName;
  motion: MotionChoice;
}
export const DEFAULT_PREFS: DisplayPrefs = { theme: 'auto', palette: 'default', motion: 'auto' };
