// Sliced Wasserstein-1 to a fixed data set, fast enough for every metrics update.
import { subsample, SW_DIRECTIONS, SW_MAX_POINTS, wasserstein1Sorted } from './sampleDistance';

/**
 * slicedWasserstein(samples, data), made cheap enough for every metrics update: the data's
 * sorted projections are kept (they change only with the data), and the samples' are sorted
 * by radix sort on float32 keys (ProjectionSorter), ~5× faster than TypedArray sort for 2048
 * values: 32 directions cost ~1.5 ms instead of ~7. Same subsample, directions and scaling
 * as sampleDistance.ts; the float32 projections change the number by < 1e-5 relative.
 */
export class SlicedToData {
  private readonly sorted: Float64Array[];
  private readonly cos: Float64Array;
  private readonly sin: Float64Array;

  constructor(data: ArrayLike<number>, seed = 1) {
    const b = subsample(data, SW_MAX_POINTS, seed);
    this.cos = Float64Array.from({ length: SW_DIRECTIONS }, (_, k) =>
      Math.cos((Math.PI * k) / SW_DIRECTIONS),
    );
    this.sin = Float64Array.from({ length: SW_DIRECTIONS }, (_, k) =>
      Math.sin((Math.PI * k) / SW_DIRECTIONS),
    );
    this.sorted = Array.from({ length: SW_DIRECTIONS }, (_, k) =>
      project(b, this.cos[k], this.sin[k]),
    );
  }

  private readonly sorter = new ProjectionSorter();

  distance(samples: ArrayLike<number>, seed = 1): number {
    if (this.sorted[0].length === 0 || samples.length < 2) return NaN;
    const a = subsample(samples, SW_MAX_POINTS, seed);
    let s = 0;
    for (let k = 0; k < SW_DIRECTIONS; k++)
      s += wasserstein1Sorted(this.sorter.sorted(a, this.cos[k], this.sin[k]), this.sorted[k]);
    return ((Math.PI / 2) * s) / SW_DIRECTIONS;
  }
}

/**
 * Ascending c·x + s·y over points [x0, y0, …], rounded to float32, by LSD radix sort: the
 * float bits are mapped to unsigned keys that sort in the same order (negative: all bits
 * flipped; positive: sign bit set), then three stable counting passes of 11 bits. The
 * returned array is reused by the next call.
 */
export class ProjectionSorter {
  private f32 = new Float32Array(0);
  private u32 = new Uint32Array(0);
  private keys = new Uint32Array(0);
  private tmp = new Uint32Array(0);
  private out = new Float64Array(0);
  private readonly count = new Uint32Array(2048);

  sorted(p: ArrayLike<number>, c: number, s: number): Float64Array {
    const n = p.length >> 1;
    if (this.out.length !== n) {
      this.f32 = new Float32Array(n);
      this.u32 = new Uint32Array(this.f32.buffer);
      this.keys = new Uint32Array(n);
      this.tmp = new Uint32Array(n);
      this.out = new Float64Array(n);
    }
    const { f32, u32, count } = this;
    for (let k = 0; k < n; k++) f32[k] = c * p[2 * k] + s * p[2 * k + 1];
    let a = this.keys;
    let b = this.tmp;
    for (let k = 0; k < n; k++) {
      const u = u32[k];
      a[k] = u & 0x80000000 ? ~u >>> 0 : (u | 0x80000000) >>> 0;
    }
    for (let shift = 0; shift < 32; shift += 11) {
      count.fill(0);
      for (let k = 0; k < n; k++) count[(a[k] >>> shift) & 2047]++;
      let sum = 0;
      for (let d = 0; d < 2048; d++) {
        const t = count[d];
        count[d] = sum;
        sum += t;
      }
      for (let k = 0; k < n; k++) b[count[(a[k] >>> shift) & 2047]++] = a[k];
      [a, b] = [b, a];
    }
    for (let k = 0; k < n; k++) {
      const key = a[k];
      u32[k] = key & 0x80000000 ? key & 0x7fffffff : ~key >>> 0;
      this.out[k] = f32[k];
    }
    return this.out;
  }
}

function project(p: Float64Array, c: number, s: number): Float64Array {
  const out = new Float64Array(p.length >> 1);
  for (let k = 0; k < out.length; k++) out[k] = c * p[2 * k] + s * p[2 * k + 1];
  return out.sort();
}
