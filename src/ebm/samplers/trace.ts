// Optional per-step records of a few chains, for the UI's trails and rejected-proposal
// markers. A sampler makes one recorder per run; each recorded step keeps (tf.keep) a slice
// of the first T rows, so the records survive the per-step tidies of iterate(); finish()
// stacks them into tensors owned by the caller's scope and frees the kept slices. With no
// trace request every method is a no-op, so untraced runs cost nothing and draw the same
// random numbers as before.
import { tf, type Tensor, type Tensor1D, type Tensor2D } from '../tf';
import type { SamplerTrace, TraceRequest } from './types';

export class TraceRecorder {
  private readonly positions: Tensor[] = [];
  private readonly proposals: Tensor[] = [];
  private readonly accepted: Tensor[] = [];
  private leapfrog: Tensor2D | null = null;
  private readonly chains: number;
  private readonly from: number;

  constructor(
    req: TraceRequest | undefined,
    private readonly steps: number,
    rows: number,
  ) {
    this.chains = req ? Math.max(0, Math.min(req.chains, rows)) : 0;
    this.from = req ? steps - Math.max(1, Math.min(req.steps, steps)) : steps;
  }

  /** Whether transition k (0-based) is recorded. */
  wants(k: number): boolean {
    return this.chains > 0 && k >= this.from && k < this.steps;
  }

  /** Whether transition k is the last recorded one (HMC records its leapfrog path there). */
  isLast(k: number): boolean {
    return this.chains > 0 && k === this.steps - 1;
  }

  /** Record transition k: the new positions, and the proposal and accept mask if any. */
  record(k: number, x: Tensor2D, proposal?: Tensor2D, accept?: Tensor1D): void {
    if (!this.wants(k)) return;
    const T = this.chains;
    this.positions.push(tf.keep(tf.slice(x, [0, 0], [T, 2])));
    if (proposal && accept) {
      this.proposals.push(tf.keep(tf.slice(proposal, [0, 0], [T, 2])));
      this.accepted.push(tf.keep(tf.cast(tf.slice(accept, [0], [T]), 'float32')));
    }
  }

  /** Keep the leapfrog path (HMC, last transition). */
  setLeapfrog(path: Tensor2D | null): void {
    if (!path || this.chains === 0) return;
    this.leapfrog?.dispose();
    this.leapfrog = tf.keep(path);
  }

  /** The trace, owned by the caller's scope; undefined when nothing was asked for. */
  finish(): SamplerTrace | undefined {
    if (this.chains === 0 || this.positions.length === 0) {
      this.dispose();
      return undefined;
    }
    const both = this.proposals.length === this.positions.length;
    const trace: SamplerTrace = {
      positions: tf.stack(this.positions) as tf.Tensor3D,
      proposals: both ? (tf.stack(this.proposals) as tf.Tensor3D) : null,
      accepted: both ? (tf.stack(this.accepted) as Tensor2D) : null,
      leapfrog: this.leapfrog ? tf.clone(this.leapfrog) : null,
    };
    this.dispose();
    return trace;
  }

  private dispose(): void {
    tf.dispose([...this.positions, ...this.proposals, ...this.accepted]);
    this.positions.length = 0;
    this.proposals.length = 0;
    this.accepted.length = 0;
    this.leapfrog?.dispose();
    this.leapfrog = null;
  }
}
