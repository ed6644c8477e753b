// The frozen experts and how they are mixed, held in the worker across model resets (freezing
// is the point: the current model may be retrained or replaced while its copy stays).
// Ownership: each 'model' expert is a whole EnergyModel (tf.variables) created here and
// disposed when it leaves the list, when the list is replaced by one without it, or on
// dispose(); built-in experts hold no tensors. The composed energy is built once per expert
// list and reads the mixing weights at call time (ebm/compose.ts), so a weight slider acts
// on the next step without a rebuild.
import { THUMB_SIZE, type ExpertDef, type Mixing } from '../contract/experts';
import { BOX } from '../contract/box';
import { BUILTIN_ENERGIES } from '../ebm/builtinExperts';
import { productOfExperts, softMinMixture } from '../ebm/compose';
import type { EnergyFn, EnergyModel } from '../ebm/energy';
import { EnergyGrid } from '../ebm/grid';
import { createModel } from '../ebm/models';
import { tf } from '../ebm/tf';
import { writeWeights } from './weights';

interface Held {
  id: string;
  energy: EnergyFn;
  model: EnergyModel | null;
}

export class ExpertBank {
  private held: Held[] = [];
  private mixing: Mixing = { on: false, mode: 'and', weights: [] };
  /** Read at call time by the composed energy; changed in place. */
  private readonly w: number[] = [];
  private readonly logW: number[] = [];
  private and: EnergyFn | null = null;
  private or: EnergyFn | null = null;

  /** Replace the list: experts kept by id stay as they are, the others are built or freed. */
  setExperts(defs: readonly ExpertDef[]): { thumbs: Float32Array[]; error: string | null } {
    const next: Held[] = [];
    let error: string | null = null;
    for (const d of defs) {
      const old = this.held.find((h) => h.id === d.id);
      if (old) next.push(old);
      else {
        const built = build(d);
        if (typeof built === 'string') error = `expert "${d.label}": ${built}`;
        else next.push(built);
      }
    }
    for (const h of this.held) if (!next.includes(h)) h.model?.dispose();
    this.held = next;
    this.rebuild();
    return { thumbs: this.held.map((h) => thumbnail(h.energy)), error };
  }

  setMixing(m: Mixing): void {
    this.mixing = m;
    this.syncWeights();
  }

  get count(): number {
    return this.held.length;
  }

  /** The composed energy while composing is on and there is an expert; else null. */
  energy(): EnergyFn | null {
    if (!this.mixing.on || this.held.length === 0) return null;
    return this.mixing.mode === 'or' ? this.or : this.and;
  }

  dispose(): void {
    for (const h of this.held) h.model?.dispose();
    this.held = [];
    this.rebuild();
  }

  private rebuild(): void {
    this.syncWeights();
    const fns = this.held.map((h) => h.energy);
    this.and = fns.length ? productOfExperts(fns, this.w) : null;
    this.or = fns.length ? softMinMixture(fns, this.logW) : null;
  }

  /** One weight per expert (missing ones are 1), in the arrays the energies read. */
  private syncWeights(): void {
    const n = this.held.length;
    this.w.length = n;
    this.logW.length = n;
    for (let i = 0; i < n; i++) {
      const v = this.mixing.weights[i];
      this.w[i] = Number.isFinite(v) && v >= 0 ? v : 1;
      // An OR weight of 0 drops the expert; −1e30 keeps logsumexp finite when all are 0.
      this.logW[i] = this.w[i] > 0 ? Math.log(this.w[i]) : -1e30;
    }
  }
}

function build(d: ExpertDef): Held | string {
  if (d.kind === 'builtin') {
    const energy = BUILTIN_ENERGIES[d.name] as EnergyFn | undefined;
    return energy ? { id: d.id, energy, model: null } : `no built-in expert "${String(d.name)}"`;
  }
  const model = createModel(d.settings, 1);
  const err = writeWeights(model.variables, d.weights);
  if (err !== null) {
    model.dispose();
    return err;
  }
  return { id: d.id, energy: model.energy, model };
}

/** The expert's energy on a THUMB_SIZE² grid (one small readback when it joins). */
function thumbnail(energy: EnergyFn): Float32Array {
  const grid = new EnergyGrid(THUMB_SIZE, BOX);
  const e = tf.tidy(() => grid.evaluate(energy));
  const v = e.dataSync() as Float32Array;
  e.dispose();
  grid.dispose();
  return v.slice();
}
