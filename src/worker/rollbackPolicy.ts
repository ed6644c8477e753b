// What follows a rollback. A blow-up usually means the steps are too big for the landscape
// the model has reached, so the learning rate and the running sampler's step (its row's
// epsilonKey, else its first parameter) are halved, never below their settings' minimum.
// More than MAX_ROLLBACKS within ROLLBACK_WINDOW iterations means halving is not enough:
// the engine pauses and says what to change.
import { SAMPLER_SPECS } from '../contract/samplers';
import { effectiveSampler, SETTING_BY_KEY, type Settings } from '../contract/settings';

export const MAX_ROLLBACKS = 3;
export const ROLLBACK_WINDOW = 100;

export class RollbackPolicy {
  private at: number[] = [];

  /** A new run: nothing rolled back yet. */
  reset(): void {
    this.at = [];
  }

  /** A rollback at `iteration`: true when that makes more than MAX_ROLLBACKS in the window. */
  record(iteration: number): boolean {
    this.at = this.at.filter((i) => i <= iteration && iteration - i < ROLLBACK_WINDOW);
    this.at.push(iteration);
    return this.at.length > MAX_ROLLBACKS;
  }
}

/** The running sampler's step setting: its epsilonKey, else its first parameter. */
export function stepKey(s: Settings): keyof Settings | null {
  const spec = SAMPLER_SPECS[effectiveSampler(s)] as {
    epsilonKey?: string;
    params: Record<string, unknown>;
  };
  const key = spec.epsilonKey ?? Object.keys(spec.params)[0];
  return (key as keyof Settings | undefined) ?? null;
}

/** The learning rate and the sampler's step, halved (not below each setting's minimum). */
export function halvedSteps(s: Settings): Partial<Settings> {
  const half = (key: keyof Settings) =>
    Math.max(SETTING_BY_KEY[key as keyof typeof SETTING_BY_KEY].min, (s[key] as number) / 2);
  const out: Partial<Settings> = { learningRate: half('learningRate') };
  const step = stepKey(s);
  if (step) Object.assign(out, { [step]: half(step) });
  return out;
}
