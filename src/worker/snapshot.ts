// The last known-good parameters and chains, so a numerical blow-up (NaN, exploding
// energy) is rolled back instead of drawn. Taken after every frame that passed the checks.
import { tf } from '../ebm/tf';

export class Snapshot {
  private vars: tf.Tensor[] = [];
  private chains: tf.Tensor2D | null = null;

  take(variables: tf.Variable[], chains: tf.Tensor2D): void {
    this.clear();
    this.vars = variables.map((v) => tf.clone(v));
    this.chains = tf.clone(chains);
  }

  get empty(): boolean {
    return this.chains === null;
  }

  restore(variables: tf.Variable[], chains: tf.Variable<tf.Rank.R2>): boolean {
    if (!this.chains || this.vars.length !== variables.length) return false;
    variables.forEach((v, i) => v.assign(this.vars[i]));
    chains.assign(this.chains);
    return true;
  }

  clear(): void {
    this.vars.forEach((t) => t.dispose());
    this.vars = [];
    this.chains?.dispose();
    this.chains = null;
  }
}
