// The last known-good parameters, Adam state and chains, so a numerical blow-up (NaN,
// exploding energy) is rolled back instead of drawn, and a lost WebGL context is rebuilt from
// them. Kept as CPU Float32Arrays, not GPU clones: they survive a lost context, and a restore
// writes back exactly these bits (weights and Adam's moments alike). Taken after a frame that
// passed the checks, at most every SNAPSHOT_EVERY_MS (a readback per tensor), and only kept
// when the device was still there after the readback (`valid`): a lost context reads zeros.
import type { AdamState } from '../ebm/adamState';
import { tf } from '../ebm/tf';
import type { Trainer } from '../ebm/trainer';

export const SNAPSHOT_EVERY_MS = 500;

interface Saved {
  vars: Float32Array[];
  chains: Float32Array;
  adam: AdamState;
}

export class Snapshot {
  private saved: Saved | null = null;
  private takenAt = -Infinity;

  /** Due when empty or older than SNAPSHOT_EVERY_MS. */
  due(now = performance.now()): boolean {
    return this.saved === null || now - this.takenAt >= SNAPSHOT_EVERY_MS;
  }

  take(
    variables: tf.Variable[],
    chains: tf.Tensor2D,
    trainer: Trainer,
    valid: () => boolean = () => true,
    now = performance.now(),
  ): void {
    const next: Saved = {
      vars: variables.map((v) => (v.dataSync() as Float32Array).slice()),
      chains: (chains.dataSync() as Float32Array).slice(),
      adam: trainer.readOptimizer(),
    };
    if (!valid()) return;
    this.saved = next;
    this.takenAt = now;
  }

  get empty(): boolean {
    return this.saved === null;
  }

  /** The saved values (tests compare a restore with them bit for bit). */
  values(): Float32Array[] {
    return this.saved?.vars ?? [];
  }

  /** The saved Adam moments [m…, v…] (tests compare them bit for bit too). */
  moments(): Float32Array[] {
    return this.saved ? [...this.saved.adam.m, ...this.saved.adam.v] : [];
  }

  /** Hands the saved state to `other` (a rebuilt session) and forgets it here. */
  moveTo(other: Snapshot): void {
    other.saved = this.saved;
    other.takenAt = this.takenAt;
    this.clear();
  }

  restore(variables: tf.Variable[], chains: tf.Variable<tf.Rank.R2>, trainer: Trainer): boolean {
    const s = this.saved;
    if (!s || s.vars.length !== variables.length) return false;
    if (s.chains.length !== chains.size) return false; // the chain count changed since
    tf.tidy(() => {
      variables.forEach((v, i) => v.assign(tf.tensor(s.vars[i], v.shape)));
      chains.assign(tf.tensor2d(s.chains, chains.shape));
    });
    trainer.writeOptimizer(s.adam);
    return true;
  }

  clear(): void {
    this.saved = null;
    this.takenAt = -Infinity;
  }
}
