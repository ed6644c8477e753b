// How one number setting is described: its bounds and slider step, its default, and what a
// person reads about it. Sampler and model parameters use the same shape (their registry rows).

export interface Range {
  min: number;
  max: number;
  step: number;
  /** A logarithmic slider. */
  log?: boolean;
}

/** How a value is written next to its slider. */
export type Format = 'sci' | 'int' | 'pct' | 'fixed2';

export interface NumberSpec extends Range {
  label: string;
  /** One line under the label: what it does, in the playground's notation. */
  hint?: string;
  /** The true unit of the value ('' for a pure number). */
  unit: string;
  default: number;
  format: Format;
  /** Added after documents were first saved: a document without it takes the default. */
  addedLater?: boolean;
}

/** Writes a value the way its row says. */
export function formatValue(v: number, f: Format): string {
  switch (f) {
    case 'sci':
      return v !== 0 && Math.abs(v) < 0.01 ? v.toExponential(1) : String(+v.toPrecision(3));
    case 'int':
      return String(Math.round(v));
    case 'pct':
      return `${Math.round(v * 100)} %`;
    case 'fixed2':
      return v.toFixed(2);
  }
}
