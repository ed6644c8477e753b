// Pure edits of a composition (the frozen experts and their mixing), for the compose slice,
// and what a share link may carry of one. Each expert has its mixing weight at the same index.
import {
  BUILTIN_EXPERTS,
  MAX_EXPERTS,
  MAX_MIX,
  type BuiltinExpert,
  type ComposeMode,
  type ExpertDef,
} from '../contract/experts';
import type { Composition } from './composeSchema';

export const EMPTY_COMPOSITION: Composition = {
  experts: [],
  mixing: { on: false, mode: 'and', weights: [] },
};

let counter = 0;
/** A new expert id: unique on this page, short in links. */
export function newExpertId(): string {
  counter++;
  return `${Date.now().toString(36).slice(-4)}${counter.toString(36)}`;
}

export function builtinExpert(name: BuiltinExpert): ExpertDef {
  return { id: newExpertId(), label: BUILTIN_EXPERTS[name].label, kind: 'builtin', name };
}

/** Adds an expert with weight 1 (refused beyond MAX_EXPERTS: the composition is returned). */
export function addExpert(c: Composition | null, e: ExpertDef): Composition {
  const base = c ?? EMPTY_COMPOSITION;
  if (base.experts.length >= MAX_EXPERTS) return base;
  return {
    experts: [...base.experts, e],
    mixing: { ...base.mixing, weights: [...base.mixing.weights, 1] },
  };
}

export function removeExpert(c: Composition, id: string): Composition {
  const i = c.experts.findIndex((e) => e.id === id);
  if (i < 0) return c;
  const experts = c.experts.filter((_, k) => k !== i);
  const weights = c.mixing.weights.filter((_, k) => k !== i);
  return { experts, mixing: { ...c.mixing, weights, on: c.mixing.on && experts.length > 0 } };
}

export function setWeight(c: Composition, i: number, w: number): Composition {
  const v = Math.min(MAX_MIX, Math.max(0, Number.isFinite(w) ? w : 1));
  const weights = c.experts.map((_, k) => (k === i ? v : (c.mixing.weights[k] ?? 1)));
  return { ...c, mixing: { ...c.mixing, weights } };
}

export function setMode(c: Composition, mode: ComposeMode): Composition {
  return { ...c, mixing: { ...c.mixing, mode } };
}

export function setOn(c: Composition, on: boolean): Composition {
  return { ...c, mixing: { ...c.mixing, on: on && c.experts.length > 0 } };
}

/** The lesson's example: "ring" AND "right half-plane", on, weights 1 (a half ring). */
export function halfRingExample(): Composition {
  return {
    experts: [builtinExpert('ring'), builtinExpert('rightHalf')],
    mixing: { on: true, mode: 'and', weights: [1, 1] },
  };
}

export interface LinkComposition {
  /** What the link carries: built-in experts and the mixing, or nothing. */
  composition: Composition | undefined;
  /** Frozen model experts left out (their weights are too big for a link). */
  dropped: number;
}

/**
 * A link carries built-in experts and the mixing; a frozen model's weights (thousands of
 * numbers, tens of kB even lz-compressed) would take it far past MAX_URL_LENGTH, so model
 * experts stay in files and the browser's storage, and the share dialog says so.
 */
export function forLink(c: Composition | undefined | null): LinkComposition {
  if (!c || c.experts.length === 0) return { composition: undefined, dropped: 0 };
  const keep = c.experts.map((e) => e.kind === 'builtin');
  const experts = c.experts.filter((_, i) => keep[i]);
  const weights = c.mixing.weights.filter((_, i) => keep[i]);
  const dropped = c.experts.length - experts.length;
  if (experts.length === 0) return { composition: undefined, dropped };
  const on = c.mixing.on && experts.length > 0;
  return { composition: { experts, mixing: { ...c.mixing, on, weights } }, dropped };
}

/** About how many characters the model experts' weights take as JSON (for the share note). */
export function weightChars(c: Composition | null | undefined): number {
  if (!c) return 0;
  return c.experts.reduce(
    (n, e) => n + (e.kind === 'model' ? JSON.stringify(e.weights.values).length : 0),
    0,
  );
}
