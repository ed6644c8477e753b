// Undo/redo as pure functions over an immutable value: the store keeps one `History<T>` and
// replaces it. Snapshots are whole values (structural sharing is the caller's business), and
// the past is bounded so a long session cannot grow memory without limit.
//
// Drags: call `begin` on pointer down, `preview` on every move (updates `present`, records
// nothing), `commit` on pointer up — one undo step per gesture, not per pointer event.

export interface History<T> {
  readonly past: readonly T[];
  readonly present: T;
  readonly future: readonly T[];
  /** Most undo steps kept; the oldest are dropped first. */
  readonly capacity: number;
  /** The value before an uncommitted gesture (see `begin`); undefined when none is open. */
  readonly pending?: { readonly before: T };
}

export const DEFAULT_HISTORY_CAPACITY = 100;

export function createHistory<T>(
  present: T,
  capacity: number = DEFAULT_HISTORY_CAPACITY,
): History<T> {
  if (!Number.isInteger(capacity) || capacity < 1)
    throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  return { past: [], present, future: [], capacity };
}

const bounded = <T>(past: readonly T[], capacity: number): readonly T[] =>
  past.length > capacity ? past.slice(past.length - capacity) : past;

/**
 * Records `next` as a new step. The redo stack is dropped: after a new edit, the undone
 * future no longer follows from the present. An open gesture is committed first.
 */
export function push<T>(
  h: History<T>,
  next: T,
  equals: (a: T, b: T) => boolean = Object.is,
): History<T> {
  const base = commit(h, equals);
  if (equals(base.present, next)) return base; // no change, no empty undo step
  return {
    past: bounded([...base.past, base.present], base.capacity),
    present: next,
    future: [],
    capacity: base.capacity,
  };
}

export const canUndo = <T>(h: History<T>): boolean => h.past.length > 0 || h.pending !== undefined;
export const canRedo = <T>(h: History<T>): boolean =>
  h.future.length > 0 && h.pending === undefined;

export function undo<T>(h: History<T>, equals: (a: T, b: T) => boolean = Object.is): History<T> {
  const base = commit(h, equals); // undo during a drag undoes the drag so far
  if (base.past.length === 0) return base;
  return {
    past: base.past.slice(0, -1),
    present: base.past[base.past.length - 1],
    future: [base.present, ...base.future],
    capacity: base.capacity,
  };
}

export function redo<T>(h: History<T>): History<T> {
  if (!canRedo(h)) return h;
  return {
    past: bounded([...h.past, h.present], h.capacity),
    present: h.future[0],
    future: h.future.slice(1),
    capacity: h.capacity,
  };
}

/** Opens a gesture: remembers the present so the whole gesture becomes one step. */
export function begin<T>(h: History<T>): History<T> {
  return h.pending ? h : { ...h, pending: { before: h.present } };
}

/** Shows an in-between value of a gesture without recording a step (opens one if needed). */
export function preview<T>(h: History<T>, value: T): History<T> {
  const open = begin(h);
  return { ...open, present: value };
}

/** Closes a gesture as one step; a gesture that changed nothing records nothing. */
export function commit<T>(h: History<T>, equals: (a: T, b: T) => boolean = Object.is): History<T> {
  if (!h.pending) return h;
  const { before } = h.pending;
  const closed: History<T> = {
    past: h.past,
    present: h.present,
    future: h.future,
    capacity: h.capacity,
  };
  if (equals(before, h.present)) return closed;
  return { ...closed, past: bounded([...h.past, before], h.capacity), future: [] };
}

/** Abandons a gesture (e.g. Escape during a drag): the present goes back to before it. */
export function cancel<T>(h: History<T>): History<T> {
  if (!h.pending) return h;
  return { past: h.past, present: h.pending.before, future: h.future, capacity: h.capacity };
}

/** Replaces the present without a step: for state that should not be undoable on its own. */
export function replacePresent<T>(h: History<T>, value: T): History<T> {
  return { ...h, present: value };
}
