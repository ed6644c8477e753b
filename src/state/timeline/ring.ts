// The training timeline's memory: a bounded ring of snapshots, thinned by doubling.
//
// A snapshot is admitted when its iteration is at least `stride` past the newest one kept.
// When the ring is full (CAPACITY), every other snapshot is dropped — the first and the
// newest are always kept — and the stride doubles. So the snapshots always span the whole run
// (iteration 0 to now) at near-even spacing, between CAPACITY/2 + 1 and CAPACITY of them,
// whatever the run's length. A fixed-stride ring would instead forget the start of the run,
// which is what a class most wants to look back at (how the landscape formed).
//
// Memory bound: a snapshot holds a G×G energy grid (G ≤ 64) and S ≤ 256 sample positions as
// Float32Arrays, plus a few numbers; the ring never holds more than CAPACITY of them:
//   200 × (64·64 + 256·2)·4 B + 200 × 64 B (numbers and object) = 3,699,200 B ≈ 3.7 MB.
// Pure data: no DOM, no store (unit-tested in Node).

export const CAPACITY = 200;
export const SNAPSHOT_GRID = 64;
export const SNAPSHOT_SAMPLES = 256;
/** Iteration, loss, KL, id, generation and the object's own header: a generous 64 B. */
const SCALAR_BYTES = 64;

export interface Snapshot {
  /** Unique for the page's life (renderers key their caches on it). */
  id: number;
  generation: number;
  iteration: number;
  loss: number;
  /** KL(data ‖ model) in nats when the page knew it at this iteration, else null. */
  kl: number | null;
  /** Energy on a gridSize² grid of cell centres, row-major, j = 0 at y = box.min. */
  grid: Float32Array;
  gridSize: number;
  /** [x0, y0, …] of a fixed subset of the chains. */
  samples: Float32Array;
}

/** Bytes one snapshot holds (its arrays plus a fixed allowance for its numbers). */
export function snapshotBytes(gridSize: number, samples: number): number {
  return (gridSize * gridSize + samples * 2) * 4 + SCALAR_BYTES;
}

/** The most the ring can hold, in bytes: CAPACITY full-size snapshots (3,699,200 B). */
export const RING_BOUND_BYTES = CAPACITY * snapshotBytes(SNAPSHOT_GRID, SNAPSHOT_SAMPLES);

export class TimelineRing {
  private items: Snapshot[] = [];
  /** Iterations between admitted snapshots; doubles at each thinning. */
  stride = 1;

  constructor(readonly capacity = CAPACITY) {
    if (capacity < 4) throw new Error('a timeline needs room for at least 4 snapshots');
  }

  get length(): number {
    return this.items.length;
  }

  at(i: number): Snapshot | undefined {
    return this.items[i];
  }

  get last(): Snapshot | undefined {
    return this.items[this.items.length - 1];
  }

  all(): readonly Snapshot[] {
    return this.items;
  }

  clear(): void {
    this.items = [];
    this.stride = 1;
  }

  /** Would a snapshot at this iteration be kept? (Lets the caller skip copying the frame.) */
  wants(iteration: number): boolean {
    const last = this.last;
    return !last || iteration >= last.iteration + this.stride;
  }

  /** Keep `s` if it is due; returns whether it was kept. */
  offer(s: Snapshot): boolean {
    if (!this.wants(s.iteration)) return false;
    this.items.push(s);
    if (this.items.length >= this.capacity) this.thin();
    return true;
  }

  /** The run went back (a rollback restored an earlier state): forget what came after. */
  truncateAfter(iteration: number): void {
    while (this.items.length > 0 && this.last!.iteration > iteration) this.items.pop();
  }

  /** Bytes the snapshots now hold. */
  bytes(): number {
    let b = 0;
    for (const s of this.items) b += (s.grid.length + s.samples.length) * 4 + SCALAR_BYTES;
    return b;
  }

  /** Drop every other snapshot (keeping the first and the newest) and double the stride. */
  private thin(): void {
    const n = this.items.length;
    this.items = this.items.filter((_, i) => i % 2 === 0 || i === n - 1);
    this.stride *= 2;
  }
}
