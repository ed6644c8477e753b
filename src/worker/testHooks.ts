// Test builds only (every call site is behind `if (__EBM_TEST__)`, so production bundles drop
// this file): faults a browser test injects into the running engine, and the counters it reads.
import { tf } from '../ebm/tf';
import type { FromWorker, TestAction } from '../contract/protocol';
import { compiledPrograms, loseContextForTest } from './backend';
import { fusedCheck } from './fusedCheck';
import type { Session } from './session';

export interface TestTarget {
  session: Session | null;
  iteration: number;
  recoveries: number;
  post: (msg: FromWorker) => void;
  /** The next chunk of the loop throws. */
  armThrow: () => void;
}

const plain = (arrays: Float32Array[]) => arrays.map((a) => Array.from(a));

function report(t: TestTarget): void {
  const m = tf.memory();
  const s = t.session;
  const adam = s?.trainer.readOptimizer();
  t.post({
    type: 'testReport',
    numTensors: m.numTensors,
    numBytes: m.numBytes,
    iteration: t.iteration,
    weights: s?.model.variables.map((v) => Array.from(v.dataSync())) ?? [],
    snapshot: plain(s?.snapshot.values() ?? []),
    moments: adam ? plain([...adam.m, ...adam.v]) : [],
    snapshotMoments: plain(s?.snapshot.moments() ?? []),
    backend: tf.getBackend(),
    programs: compiledPrograms(),
    recoveries: t.recoveries,
  });
}

export function testHook(action: TestAction, t: TestTarget): void {
  switch (action) {
    case 'report':
      return report(t);
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
    case 'loseContext':
      // As a GPU reset would: the context is lost now, its event comes a task later.
      console.info(`[test-hook] loseContext: lost=${String(loseContextForTest())}`);
      return;
    case 'hang': {
      // A loop that never yields: only the heartbeat's silence can tell.
      const until = performance.now() + 60_000;
      while (performance.now() < until) {
        // spin
      }
      return;
    }
  }
}
