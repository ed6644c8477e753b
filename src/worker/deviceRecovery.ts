// Recovery from a lost WebGL context (a GPU reset, a driver update, too many contexts, or
// WEBGL_lose_context in a test). Everything on the lost context is garbage: reads give zeros
// (all samples at one point) and shader compiles fail. So: take the CPU snapshot (weights,
// Adam state, chains: snapshot.ts) out of the old session, dispose every tensor, build the
// backend anew (a fresh context, else wasm, else cpu: backend.ts), make a new session with the
// same settings and put the snapshot back bit for bit, then say so and go on. Messages that
// arrive meanwhile wait for `done` (worker.ts); the heartbeat is still answered.
import type { Post } from './framePublisher';
import { recoverBackend } from './backend';
import type { Session } from './session';
import { Snapshot } from './snapshot';

const ms0 = (t0: number) => Math.round(performance.now() - t0);

export class DeviceRecovery {
  /** Resolves when the rebuild is over; null when none is under way. */
  done: Promise<void> | null = null;
  /** Losses recovered from in this worker (test counters). */
  count = 0;
  /** Called as a recovery starts (the worker holds later messages until it is done). */
  onStart: () => void = () => {};

  get active(): boolean {
    return this.done !== null;
  }

  /**
   * Drop `old` (keeping its snapshot), rebuild the backend, then `rebuild()` a session on it
   * and restore the snapshot into it. Resolves once the new session is ready.
   */
  start(old: Session, post: Post, iteration: number, rebuild: () => Session): Promise<void> {
    const kept = new Snapshot();
    old.snapshot.moveTo(kept);
    old.dispose();
    const t0 = performance.now();
    this.done = recoverBackend()
      .then((choice) => {
        if (__EBM_TEST__) console.info(`[recovery] ${choice.backend} after ${ms0(t0)} ms`);
        post({ type: 'ready', ...choice });
        const s = rebuild();
        const restored = kept.restore(s.model.variables, s.buffer.chains, s.trainer);
        kept.moveTo(s.snapshot);
        this.count++;
        const from = restored ? `the last good state (kept on the CPU)` : 'a fresh model';
        const ms = Math.round(performance.now() - t0);
        post({
          type: 'notice',
          message: `The GPU context was lost at iteration ${iteration}. The engine rebuilt itself on ${choice.backend} from ${from} in ${ms} ms and goes on.`,
        });
      })
      .finally(() => {
        this.done = null;
      });
    const done = this.done;
    this.onStart();
    return done;
  }
}
