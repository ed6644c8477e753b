// Test builds only (every call site is behind `if (__EBM_TEST__)`, so production bundles drop
// this file): faults a browser test injects into the running engine, and the counters it reads.
import { tf } from '../ebm/tf';
import type { FromWorker, TestAction } from '../contract/protocol';
import { fusedCheck } from './fusedCheck';
import type { Session } from './session';

export interface TestTarget {
  session: Session | null;
  iteration: number;
  post: (msg: FromWorker) => void;
  /** The next chunk of the loop throws. */
  armThrow: () => void;
}

export function testHook(action: TestAction, t: TestTarget): void {
  switch (action) {
    case 'report': {
      const m = tf.memory();
      t.post({
        type: 'testReport',
        numTensors: m.numTensors,
        numBytes: m.numBytes,
        iteration: t.iteration,
        weights: t.session?.model.variables.map((v) => Array.from(v.dataSync())) ?? [],
        snapshot: t.session?.snapshot.values().map((a) => Array.from(a)) ?? [],
      });
      return;
    }
    case 'nan': {
      // One NaN in the first weight matrix: every energy, gradient and loss turns NaN.
      const v = t.session?.model.variables[0];
      if (!v) return;
      const values = v.dataSync().slice();
      values[0] = NaN;
      const bad = tf.tensor(values, v.shape);
      v.assign(bad);
      bad.dispose();
      return;
    }
    case 'throw':
      return t.armThrow();
    case 'fusedCheck':
      void fusedCheck(t.session?.model ?? null).then(
        (r) => t.post({ type: 'testFused', ...r }),
        (err: unknown) => console.error(`fusedCheck failed: ${String(err)}`),
      );
      return;
  }
}
