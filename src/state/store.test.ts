// Undo/redo as the store wires it: one step per click, per drag, per slider run; imports are
// undoable, restores are not.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultDocument } from './document';
import { canRedo, canUndo } from './history';
import { DEFAULT_SETTINGS } from '../contract/settings';
import { DOCUMENT_VERSION, type EbmDocument } from './schema';
import { COALESCE_MS } from './slices/document';
import { useApp } from './store';

const app = () => useApp.getState();
const blank: EbmDocument = { version: DOCUMENT_VERSION, points: [], settings: DEFAULT_SETTINGS };

beforeEach(() => {
  vi.useFakeTimers();
  app().loadDocument(blank);
});
afterEach(() => vi.useRealTimers());

describe('store undo/redo', () => {
  it('a loaded document starts a fresh history', () => {
    app().addPoints([{ x: 1, y: 1 }]);
    app().loadDocument(defaultDocument());
    expect(canUndo(app().undoHistory)).toBe(false);
    expect(app().preset).toBe('8gaussians');
  });

  it('adds, moves and removes undo and redo one at a time', () => {
    app().addPoints([{ x: 1, y: 1 }]);
    app().addPoints([{ x: 2, y: 2 }]);
    app().movePoint(0, { x: -1, y: -1 });
    app().removePoint(1);
    expect(app().points).toEqual([{ x: -1, y: -1 }]);
    app().undo();
    expect(app().points).toEqual([
      { x: -1, y: -1 },
      { x: 2, y: 2 },
    ]);
    app().undo();
    expect(app().points).toEqual([
      { x: 1, y: 1 },
      { x: 2, y: 2 },
    ]);
    app().redo();
    app().redo();
    expect(app().points).toEqual([{ x: -1, y: -1 }]);
    expect(canRedo(app().undoHistory)).toBe(false);
    app().undo();
    app().undo();
    app().undo();
    app().undo();
    expect(app().points).toEqual([]);
    expect(canUndo(app().undoHistory)).toBe(false);
  });

  it('a drag is one step, however many moves; Escape-cancel leaves no step', () => {
    app().addPoints([{ x: 0, y: 0 }]);
    app().beginGesture();
    for (let k = 1; k <= 20; k++) app().movePoint(0, { x: k / 10, y: 0 });
    app().endGesture();
    expect(app().points).toEqual([{ x: 2, y: 0 }]);
    app().undo();
    expect(app().points).toEqual([{ x: 0, y: 0 }]);
    app().redo();
    expect(app().points).toEqual([{ x: 2, y: 0 }]);

    app().beginGesture();
    app().movePoint(0, { x: 3, y: 3 });
    app().cancelGesture();
    expect(app().points).toEqual([{ x: 2, y: 0 }]);
    app().undo();
    expect(app().points).toEqual([{ x: 0, y: 0 }]);
  });

  it('a brush stroke (many adds in one gesture) is one step', () => {
    app().beginGesture();
    for (let k = 0; k < 10; k++) app().addPoints([{ x: k / 10, y: 0 }]);
    app().endGesture();
    expect(app().points).toHaveLength(10);
    app().undo();
    expect(app().points).toHaveLength(0);
  });

  it('a slider run coalesces into one step; a pause or another setting starts a new one', () => {
    app().setSettings({ beta: 2 });
    app().setSettings({ beta: 3 });
    app().setSettings({ beta: 4 });
    vi.advanceTimersByTime(COALESCE_MS + 1);
    app().setSettings({ beta: 5 });
    app().setSettings({ alpha: 0.5 });
    expect(app().settings).toMatchObject({ beta: 5, alpha: 0.5 });
    app().undo();
    expect(app().settings).toMatchObject({ beta: 5, alpha: DEFAULT_SETTINGS.alpha });
    app().undo();
    expect(app().settings.beta).toBe(4);
    app().undo();
    expect(app().settings.beta).toBe(DEFAULT_SETTINGS.beta);
  });

  it('setting a value to what it is records nothing', () => {
    app().setSettings({ beta: DEFAULT_SETTINGS.beta });
    expect(canUndo(app().undoHistory)).toBe(false);
  });

  it('presets, clearing and undoable imports are steps; view and hidden are not undone', () => {
    app().loadPreset('moons');
    expect(app().points).toHaveLength(400);
    app().clearPoints();
    expect(app()).toMatchObject({ points: [], preset: 'empty' });
    app().loadDocument({ ...blank, points: [{ x: 3, y: 3 }] }, { undoable: true });
    expect(app().preset).toBeNull();
    app().setView({ density: 'density' });
    app().undo();
    expect(app().preset).toBe('empty');
    app().undo();
    expect(app().preset).toBe('moons');
    expect(app().points).toHaveLength(400);
    expect(app().view.density).toBe('density');
  });

  it('undo clears the selection', () => {
    app().addPoints([{ x: 1, y: 1 }]);
    app().select(0);
    app().undo();
    expect(app().selected).toBeNull();
  });
});
