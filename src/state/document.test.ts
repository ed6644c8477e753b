import { describe, expect, it } from 'vitest';
import { generateDataset } from '../ebm/datasets';
import { DEFAULT_PRESET } from '../contract/presets';
import {
  defaultDocument,
  documentFromState,
  isPresetData,
  sameEdit,
  stateFromDocument,
} from './document';
import { parseDocumentStrict } from './persist';
import { DEFAULT_SETTINGS } from '../contract/settings';
import { DEFAULT_VIEW } from '../contract/view';
import { DOCUMENT_VERSION, type EbmDocument } from './schema';

describe('store ↔ document', () => {
  it('the default document is valid and is the default preset', () => {
    const doc = defaultDocument();
    expect(parseDocumentStrict(doc)).toEqual({ ok: true, doc });
    expect(doc.preset).toBe(DEFAULT_PRESET);
    expect(doc.points).toEqual(generateDataset(DEFAULT_PRESET, DEFAULT_SETTINGS.seed));
  });

  it('round trips a full document', () => {
    const doc: EbmDocument = {
      version: DOCUMENT_VERSION,
      points: [
        { x: 1, y: 2, label: 3 },
        { x: -1, y: 0 },
      ],
      settings: { ...DEFAULT_SETTINGS, width: 32 },
      preset: 'moons',
      view: { show: { samples: false, contours: true, points: true }, density: 'logdensity' },
      hidden: ['seed', 'reset'],
    };
    expect(documentFromState(stateFromDocument(doc))).toEqual(doc);
  });

  it('absent parts map to store defaults and back to a valid document', () => {
    const doc: EbmDocument = { version: DOCUMENT_VERSION, points: [], settings: DEFAULT_SETTINGS };
    const state = stateFromDocument(doc);
    expect(state).toEqual({
      points: [],
      settings: DEFAULT_SETTINGS,
      preset: null,
      view: DEFAULT_VIEW,
      hidden: [],
      composition: null,
    });
    const back = documentFromState(state);
    expect(back.preset).toBeUndefined();
    expect(back.hidden).toBeUndefined();
    expect(back.composition).toBeUndefined();
    expect(parseDocumentStrict(back).ok).toBe(true);
  });

  it('sameEdit compares points by identity and settings by value', () => {
    const points = [{ x: 0, y: 0 }];
    const a = { points, settings: DEFAULT_SETTINGS, preset: null };
    expect(sameEdit(a, { ...a, settings: { ...DEFAULT_SETTINGS } })).toBe(true);
    expect(sameEdit(a, { ...a, settings: { ...DEFAULT_SETTINGS, beta: 2 } })).toBe(false);
    expect(sameEdit(a, { ...a, points: [...points] })).toBe(false);
    expect(sameEdit(a, { ...a, preset: 'moons' })).toBe(false);
  });

  it('isPresetData: exactly the generated points, nothing else', () => {
    const pts = generateDataset('rings', 7);
    expect(isPresetData(pts, 'rings', 7)).toBe(true);
    expect(isPresetData(generateDataset('rings', 7), 'rings', 7)).toBe(true); // deterministic
    expect(isPresetData(pts, 'rings', 8)).toBe(false);
    expect(isPresetData(pts, 'moons', 7)).toBe(false);
    expect(isPresetData(pts.slice(1), 'rings', 7)).toBe(false);
    expect(isPresetData([...pts.slice(0, -1), { x: 0, y: 0 }], 'rings', 7)).toBe(false);
    expect(isPresetData([{ ...pts[0], label: 1 }, ...pts.slice(1)], 'rings', 7)).toBe(false);
    expect(isPresetData([], 'empty', 1)).toBe(false);
    expect(isPresetData(pts, null, 7)).toBe(false);
  });
});
