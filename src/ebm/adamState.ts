// Adam's state as plain CPU arrays, so a snapshot survives a lost GPU context and a restore
// puts back exactly these bits. Adam keeps, per parameter tensor i (in gradient order), the
// moments m_i and v_i, plus the running powers β1^t and β2^t used for bias correction, and
// its step count t. tfjs's own getWeights/setWeights are async (and rebuild the powers from t
// with pow(), which need not be bitwise equal), so the fields are read and written directly.
import { tf } from './tf';

export interface AdamState {
  /** β1^t and β2^t as the optimizer holds them (float32). */
  accBeta1: Float32Array;
  accBeta2: Float32Array;
  iterations: number;
  /** Per gradient slot: its shape, first and second moments. */
  shapes: number[][];
  m: Float32Array[];
  v: Float32Array[];
}

interface Slot {
  originalName: string;
  variable: tf.Variable;
}

/** The fields of tfjs's AdamOptimizer that hold its state (stable since tfjs 1.x). */
interface AdamInternals {
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: Slot[];
  accumulatedSecondMoment: Slot[];
  iterations_: number;
}

const internals = (opt: tf.Optimizer) => opt as unknown as AdamInternals;
const read = (v: tf.Tensor) => (v.dataSync() as Float32Array).slice();

/** A copy of the optimizer's state (one readback per tensor). */
export function readAdam(opt: tf.Optimizer): AdamState {
  const a = internals(opt);
  const slots = a.accumulatedFirstMoment.filter((s) => s != null);
  return {
    accBeta1: read(a.accBeta1),
    accBeta2: read(a.accBeta2),
    iterations: a.iterations_ ?? 0,
    shapes: slots.map((s) => [...s.variable.shape]),
    m: slots.map((s) => read(s.variable)),
    v: a.accumulatedSecondMoment.filter((s) => s != null).map((s) => read(s.variable)),
  };
}

/** Puts `s` back into `opt` (moments made where the optimizer has none yet). */
export function writeAdam(opt: tf.Optimizer, s: AdamState): void {
  const a = internals(opt);
  tf.tidy(() => {
    a.accBeta1.assign(tf.tensor(s.accBeta1, a.accBeta1.shape));
    a.accBeta2.assign(tf.tensor(s.accBeta2, a.accBeta2.shape));
  });
  a.iterations_ = s.iterations;
  const put = (slots: Slot[], values: Float32Array[], tag: string) =>
    values.forEach((data, i) => {
      const t = tf.tensor(data, s.shapes[i], 'float32');
      if (slots[i]) {
        slots[i].variable.assign(t);
        t.dispose();
      } else {
        slots[i] = { originalName: `slot${i}/${tag}`, variable: tf.variable(t, false) };
        t.dispose();
      }
    });
  put(a.accumulatedFirstMoment, s.m, 'm');
  put(a.accumulatedSecondMoment, s.v, 'v');
}
