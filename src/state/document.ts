// The store's document part ↔ the saved document (schema.ts). Pure functions: the store, the
// autosave, share links and file import/export all convert through here.
import { generateDataset } from '../ebm/datasets';
import { DEFAULT_SETTINGS, type Settings } from '../contract/settings';
import { DEFAULT_VIEW, type ControlName, type ViewOptions } from '../contract/view';
import type { Composition } from './composeSchema';
import { DOCUMENT_VERSION, type EbmDocument, type Point } from './schema';
import { DEFAULT_PRESET, type PresetName } from '../contract/presets';

/** What undo/redo steps over: the points, the settings and the preset they came from. */
export interface Edit {
  points: Point[];
  settings: Settings;
  /** The preset the points came from; null once a file replaced them ("custom"). */
  preset: PresetName | null;
}

/** Everything of the store that is saved: an undoable edit plus view options and hidden controls. */
export interface DocState extends Edit {
  view: ViewOptions;
  hidden: ControlName[];
  /** Frozen experts and their mixing; null when none was ever frozen. */
  composition: Composition | null;
}

/** Two edits are the same step when nothing a user could see differs. */
export function sameEdit(a: Edit, b: Edit): boolean {
  return a.points === b.points && a.preset === b.preset && sameSettings(a.settings, b.settings);
}

export function sameSettings(a: Settings, b: Settings): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Settings)[]);
  return [...keys].every((k) => a[k] === b[k]);
}

export function documentFromState(s: DocState): EbmDocument {
  const doc: EbmDocument = { version: DOCUMENT_VERSION, points: s.points, settings: s.settings };
  if (s.preset !== null) doc.preset = s.preset;
  doc.view = s.view;
  if (s.hidden.length > 0) doc.hidden = s.hidden;
  if (s.composition && s.composition.experts.length > 0) doc.composition = s.composition;
  return doc;
}

export function stateFromDocument(doc: EbmDocument): DocState {
  return {
    points: doc.points,
    settings: doc.settings,
    preset: doc.preset ?? null,
    view: doc.view ?? DEFAULT_VIEW,
    hidden: doc.hidden ?? [],
    composition: doc.composition ?? null,
  };
}

/** The page as a first visit shows it: the default preset with the default settings. */
export function defaultDocument(): EbmDocument {
  return {
    version: DOCUMENT_VERSION,
    points: generateDataset(DEFAULT_PRESET, DEFAULT_SETTINGS.seed),
    settings: DEFAULT_SETTINGS,
    preset: DEFAULT_PRESET,
    view: DEFAULT_VIEW,
  };
}

/**
 * Same points (to the 1e-3 a link keeps), settings and preset: opening a link to what is
 * already here replaces nothing worth an undo step.
 */
export function sameContent(a: EbmDocument, b: EbmDocument): boolean {
  const close = (u: number, v: number) => Math.abs(u - v) <= 5e-4 + 1e-12;
  return (
    a.preset === b.preset &&
    sameSettings(a.settings, b.settings) &&
    a.points.length === b.points.length &&
    a.points.every((p, i) => {
      const q = b.points[i];
      return close(p.x, q.x) && close(p.y, q.y) && p.label === q.label && p.role === q.role;
    })
  );
}

/** True when `points` are exactly what the preset generates with this seed (not edited). */
export function isPresetData(
  points: readonly Point[],
  preset: PresetName | null | undefined,
  seed: number,
): boolean {
  if (preset === null || preset === undefined || preset === 'empty') return false;
  const gen = generateDataset(preset, seed);
  if (gen.length !== points.length) return false;
  return gen.every((g, i) => {
    const p = points[i];
    return p.x === g.x && p.y === g.y && p.label === undefined && p.role === undefined;
  });
}
