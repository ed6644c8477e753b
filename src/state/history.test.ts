import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  begin,
  cancel,
  canRedo,
  canUndo,
  commit,
  createHistory,
  preview,
  push,
  redo,
  replacePresent,
  undo,
  type History,
} from './history';

const pushAll = (h: History<number>, values: number[]) =>
  values.reduce((acc, v) => push(acc, v), h);

describe('history', () => {
  it('undo and redo walk back and forth', () => {
    let h = pushAll(createHistory(0), [1, 2, 3]);
    expect(canRedo(h)).toBe(false);
    h = undo(undo(h));
    expect(h.present).toBe(1);
    expect(canRedo(h)).toBe(true);
    h = redo(h);
    expect(h.present).toBe(2);
    expect(h).toMatchObject({ past: [0, 1], future: [3] });
  });

  it('a new edit drops the redo stack', () => {
    const h = push(undo(pushAll(createHistory(0), [1, 2])), 5);
    expect(h).toMatchObject({ past: [0, 1], present: 5, future: [] });
    expect(canRedo(h)).toBe(false);
  });

  it('undo and redo at the ends are no-ops', () => {
    const h = createHistory('a');
    expect(canUndo(h)).toBe(false);
    expect(undo(h)).toEqual(h);
    expect(redo(h)).toBe(h);
  });

  it('pushing an equal value records nothing', () => {
    const h = push(createHistory({ n: 1 }), { n: 1 }, (a, b) => a.n === b.n);
    expect(canUndo(h)).toBe(false);
    expect(push(createHistory(1), 1).past).toEqual([]);
  });

  it('keeps at most `capacity` undo steps, dropping the oldest', () => {
    const h = pushAll(createHistory(0, 3), [1, 2, 3, 4, 5]);
    expect(h.past).toEqual([2, 3, 4]);
    const back = undo(undo(undo(undo(h))));
    expect(back.present).toBe(2);
    expect(redo(redo(redo(back))).present).toBe(5);
    expect(() => createHistory(0, 0)).toThrow(RangeError);
  });

  it('undo then redo of everything is the identity (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 30 }),
        fc.integer({ min: 1, max: 10 }),
        (values, cap) => {
          const h = pushAll(createHistory(-1, cap), values);
          let u = h;
          while (canUndo(u)) u = undo(u);
          expect(u.future.length).toBe(h.past.length);
          let r = u;
          while (canRedo(r)) r = redo(r);
          expect(r.present).toBe(h.present);
          expect(r.past).toEqual(h.past);
          expect(h.past.length).toBeLessThanOrEqual(cap);
        },
      ),
    );
  });
});

describe('gestures (drags)', () => {
  it('a drag of many moves is one undo step', () => {
    let h = push(createHistory(0), 10);
    h = begin(h);
    for (let x = 11; x <= 20; x++) h = preview(h, x);
    expect(h.present).toBe(20);
    expect(h.past).toEqual([0]); // nothing recorded mid-drag
    h = commit(h);
    expect(h).toEqual({ past: [0, 10], present: 20, future: [], capacity: 100 });
    expect(undo(h).present).toBe(10);
  });

  it('preview opens a gesture by itself; a gesture that ends where it began records nothing', () => {
    const h = commit(preview(preview(createHistory(1), 2), 1));
    expect(h).toEqual(createHistory(1));
  });

  it('cancel restores the value before the gesture', () => {
    const h = cancel(preview(createHistory(1), 5));
    expect(h).toEqual(createHistory(1));
  });

  it('undo during a drag undoes the drag so far; redo waits until it is closed', () => {
    const dragging = preview(push(createHistory(0), 1), 7);
    expect(canUndo(dragging)).toBe(true);
    expect(canRedo(undo(push(createHistory(0), 1)))).toBe(true);
    expect(canRedo(begin(undo(push(createHistory(0), 1))))).toBe(false);
    const h = undo(dragging);
    expect(h).toMatchObject({ past: [0], present: 1, future: [7] });
  });

  it('push during a drag commits the drag first', () => {
    const h = push(preview(createHistory(0), 3), 4);
    expect(h).toMatchObject({ past: [0, 3], present: 4 });
    expect(h.pending).toBeUndefined();
  });

  it('replacePresent changes the present without a step', () => {
    const h = replacePresent(push(createHistory(0), 1), 9);
    expect(h).toMatchObject({ past: [0], present: 9, future: [] });
  });
});
