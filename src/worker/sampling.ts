// Sample mode: the model is frozen and the chosen sampler runs on every chain. This module
// runs one piece of sampling on the session's chains and keeps, on the CPU, what the page
// draws besides the chains: trails (the last TRAIL_LENGTH positions of the traced chains),
// the traced chains' recently rejected proposals, HMC's last leapfrog path, and the
// progress of the run (steps since it started, and its sample-to-data distance).
import type { Rng } from '../ebm/rng';
import type { SamplerTrace } from '../ebm/samplers/types';
import { tf } from '../ebm/tf';
import type { Settings } from '../contract/settings';
import { REJECT_AGE, TRACE_CHAINS, TRAIL_LENGTH, type Trails } from '../contract/protocol';
import { RateMeter } from './rateMeter';
import { clampedRun } from './recovery';
import { samplerParams } from './samplerSetup';
import type { Session } from './session';

const MAX_REJECTED = 400;

/** The CPU copy of one traced piece, as read back in one dataSync. */
export interface TraceData {
  steps: number;
  chains: number;
  positions: Float32Array; // [S, T, 2]
  proposals: Float32Array | null; // [S, T, 2]
  accepted: Float32Array | null; // [S, T]
  leapfrog: Float32Array | null; // [(L + 1) · 2]
}

/** Flattens a trace into one tensor (one readback) and the sizes to cut it apart again. */
function packTrace(t: SamplerTrace): { packed: tf.Tensor1D; sizes: number[]; shape: number[] } {
  const all: (tf.Tensor | null)[] = [t.positions, t.proposals, t.accepted, t.leapfrog];
  const parts = all.filter((p): p is tf.Tensor => p !== null);
  return {
    packed: tf.concat(parts.map((p) => tf.reshape(p, [-1]))) as tf.Tensor1D,
    sizes: all.map((p) => (p ? p.size : 0)),
    shape: t.positions.shape,
  };
}

function unpackTrace(all: Float32Array, sizes: number[], shape: number[]): TraceData {
  let o = 0;
  const take = (n: number): Float32Array | null => {
    if (n === 0) return null;
    const a = all.slice(o, o + n);
    o += n;
    return a;
  };
  const positions = take(sizes[0]) as Float32Array;
  return {
    steps: shape[0],
    chains: shape[1],
    positions,
    proposals: take(sizes[1]),
    accepted: take(sizes[2]),
    leapfrog: take(sizes[3]),
  };
}

export interface PieceResult {
  /** Mean acceptance over the piece (a scalar the caller owns), or null. */
  acceptRate: tf.Scalar | null;
  trace: TraceData | null;
}

/**
 * Advance every chain of the session by n transitions of the chosen sampler (the model is
 * not touched). With `trace`, the traced chains' records are read back (one small dataSync).
 */
export function samplePiece(
  s: Session,
  settings: Settings,
  n: number,
  rng: Rng,
  trace: boolean,
): PieceResult {
  const req = trace ? { chains: TRACE_CHAINS, steps: TRAIL_LENGTH } : undefined;
  // A clamp replaces the chosen sampler with MALA on the free coordinate (recovery.ts).
  const { sampler, p } = s.clamp
    ? clampedRun(s.clamp, settings, s.box, req)
    : { sampler: s.sampler(settings).sampler, p: samplerParams(settings, s.box, req) };
  let acc: tf.Scalar | null = null;
  let packed: ReturnType<typeof packTrace> | null = null;
  tf.tidy(() => {
    const r = sampler.run(s.samplingEnergy(settings), s.buffer.chains, n, p, rng);
    s.buffer.chains.assign(r.x);
    if (r.acceptRate) acc = tf.keep(r.acceptRate);
    if (r.trace) {
      const pk = packTrace(r.trace);
      packed = { ...pk, packed: tf.keep(pk.packed) };
    }
  });
  const pk = packed as ReturnType<typeof packTrace> | null;
  let data: TraceData | null = null;
  if (pk) {
    data = unpackTrace(pk.packed.dataSync() as Float32Array, pk.sizes, pk.shape);
    pk.packed.dispose();
  }
  return { acceptRate: acc as tf.Scalar | null, trace: data };
}

/** One sampling run: from a (re)start of the chains until the next one. */
export class SamplingRun {
  /** Transitions since the run started. */
  steps = 0;
  private readonly ring: Float32Array;
  private filled = 0;
  private head = 0; // next ring slot
  private rejected: number[] = []; // [x, y, step] triples
  private leapfrog: Float32Array = new Float32Array(0);
  private probe: [number, number] | null = null;
  private readonly rate = new RateMeter();
  /** When the last progress message went out (ms). */
  lastProgressAt = 0;

  constructor(
    readonly run: number,
    readonly sampler: string,
    readonly chains = TRACE_CHAINS,
    readonly length = TRAIL_LENGTH,
  ) {
    this.ring = new Float32Array(length * chains * 2);
  }

  /** Transitions per second (per chain), over the last two seconds. */
  stepsPerSec(): number {
    return this.rate.rate();
  }

  /** Forget the trails (e.g. chains were moved by a probe at `probe`). */
  resetTrails(probe: [number, number] | null = null): void {
    this.filled = 0;
    this.head = 0;
    this.rejected = [];
    this.leapfrog = new Float32Array(0);
    this.probe = probe;
  }

  /** Count n transitions and take in their trace, if any. */
  advance(n: number, t: TraceData | null): void {
    const stepAtStart = this.steps;
    this.steps += n;
    this.rate.add(n);
    if (!t) return;
    const T = Math.min(t.chains, this.chains);
    const first = n - t.steps; // the trace covers the last t.steps of the n transitions
    for (let k = 0; k < t.steps; k++) {
      const slot = this.head * this.chains * 2;
      for (let c = 0; c < this.chains; c++) {
        const src = (k * t.chains + c) * 2;
        this.ring[slot + 2 * c] = c < T ? t.positions[src] : NaN;
        this.ring[slot + 2 * c + 1] = c < T ? t.positions[src + 1] : NaN;
      }
      this.head = (this.head + 1) % this.length;
      this.filled = Math.min(this.length, this.filled + 1);
      if (t.proposals && t.accepted) {
        for (let c = 0; c < T; c++) {
          if (t.accepted[k * t.chains + c] > 0.5) continue;
          const src = (k * t.chains + c) * 2;
          this.rejected.push(t.proposals[src], t.proposals[src + 1], stepAtStart + first + k + 1);
        }
      }
    }
    const oldest = this.steps - REJECT_AGE;
    let cut = 0;
    while (
      cut < this.rejected.length &&
      (this.rejected[cut + 2] < oldest || this.rejected.length - cut > 3 * MAX_REJECTED)
    )
      cut += 3;
    if (cut > 0) this.rejected = this.rejected.slice(cut);
    this.leapfrog = t.leapfrog ?? new Float32Array(0);
  }

  /** The trails for a frame (fresh arrays: they are transferred). */
  trails(): Trails {
    const L = this.length;
    const T = this.chains;
    const positions = new Float32Array(T * L * 2).fill(NaN);
    // Oldest first: ring slots head − filled … head − 1, placed at the end of each row.
    for (let i = 0; i < this.filled; i++) {
      const slot = (this.head - this.filled + i + L) % L;
      const at = L - this.filled + i;
      for (let c = 0; c < T; c++) {
        positions[(c * L + at) * 2] = this.ring[(slot * T + c) * 2];
        positions[(c * L + at) * 2 + 1] = this.ring[(slot * T + c) * 2 + 1];
      }
    }
    const rejected = new Float32Array(this.rejected.length);
    for (let i = 0; i < this.rejected.length; i += 3) {
      rejected[i] = this.rejected[i];
      rejected[i + 1] = this.rejected[i + 1];
      rejected[i + 2] = this.steps - this.rejected[i + 2];
    }
    return {
      chains: T,
      length: L,
      positions,
      rejected,
      leapfrog: this.leapfrog.slice(),
      probe: this.probe,
    };
  }
}
