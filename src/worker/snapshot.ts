// The last known-good parameters and chains, so a numerical blow-up (NaN, exploding
// energy) is rolled back instead of drawn. Kept as CPU Float32Arrays, not GPU clones: they
// survive a lost WebGL context, and a restore writes back exactly these bits. Taken after a
// frame that passed the checks, at most every SNAPSHOT_EVERY_MS (a readback per variable).
// Adam's moments are not kept: after a rollback they belonged to the bad weights, so the
// trainer starts its moments afresh (framePublisher.ts).
import { tf } from '../ebm/tf';

export const SNAPSHOT_EVERY_MS = 500;

export class Snapshot {
  private vars: Float32Array[] = [];
  private chains: Float32Array | null = null;
  private takenAt = -Infinity;

  /** Due when empty or older than SNAPSHOT_EVERY_MS. */
  due(now = performance.now()): boolean {
    return this.chains === null || now - this.takenAt >= SNAPSHOT_EVERY_MS;
  }

  take(variables: tf.Variable[], chains: tf.Tensor2D, now = performance.now()): void {
    this.vars = variables.map((v) => (v.dataSync() as Float32Array).slice());
    this.chains = (chains.dataSync() as Float32Array).slice();
    this.takenAt = now;
  }

  get empty(): boolean {
    return this.chains === null;
  }

  /** The saved values (tests compare a restore with them bit for bit). */
  values(): Float32Array[] {
    return this.vars;
  }

  restore(variables: tf.Variable[], chains: tf.Variable<tf.Rank.R2>): boolean {
    const saved = this.chains;
    if (!saved || this.vars.length !== variables.length) return false;
    if (saved.length !== chains.size) return false; // the chain count changed since
    tf.tidy(() => {
      variables.forEach((v, i) => v.assign(tf.tensor(this.vars[i], v.shape)));
      chains.assign(tf.tensor2d(saved, chains.shape));
    });
    return true;
  }

  clear(): void {
    this.vars = [];
    this.chains = null;
    this.takenAt = -Infinity;
  }
}
