// What the test builds' hooks answer (worker/testHooks.ts → state/testHook.ts): part of
// protocol.ts's FromWorker, kept apart so the protocol file stays about the app.

export type TestReports =
  /** Test builds only: the answer to a 'test' 'report' (tf.memory() and the iteration). */
  | {
      type: 'testReport';
      numTensors: number;
      numBytes: number;
      iteration: number;
      /** The model's parameters now, and the rollback snapshot's. */
      weights: number[][];
      snapshot: number[][];
      /** Adam's moments [m…, v…] now, and the snapshot's. */
      moments: number[][];
      snapshotMoments: number[][];
      backend: string;
      /** Compiled webgl shader programs (0 on other backends). */
      programs: number;
      /** Lost WebGL contexts recovered from in this worker. */
      recoveries: number;
    }
  /** Test builds only: the fused Langevin step against the ops path (worker/fusedCheck.ts). */
  | {
      type: 'testFused';
      backend: string;
      reference: string;
      fusedRan: boolean;
      maxDiff: number;
      steps: number;
      chains: number;
      msOps: number;
      msFused: number;
    };
