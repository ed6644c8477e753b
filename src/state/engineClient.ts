// Main-thread side of the protocol: owns the Worker, posts commands (transferring
// buffers), and routes replies. No TensorFlow here: tensors live in the worker only.
// A worker that fails (an uncaught error, a message that cannot be deserialised) is reported
// to `onFailure` once; the supervisor (supervisor.ts) decides what to do with it. A worker that
// simply ends (killed, crashed: no event fires) is heard through a Web Lock it holds for its
// life: the page's request for the same lock is granted the moment the worker is gone.
import type { FromWorker, ToWorker } from '../contract/protocol';
import { transferables } from '../contract/protocol';

export type Handler = (msg: FromWorker) => void;

export class EngineClient {
  /** Workers started and not yet terminated (the supervisor keeps it at most 1). */
  static live = 0;
  private static made = 0;
  /** The Web Lock this worker is asked to hold for its life (sent in 'init'). */
  readonly lockName = `ebm-engine-${Date.now()}-${++EngineClient.made}`;
  private readonly worker: Worker;
  private ended = false;
  private lifeWatch: AbortController | null = null;

  constructor(onMessage: Handler, onFailure: (reason: string) => void = () => {}) {
    this.worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' });
    EngineClient.live++;
    this.worker.onmessage = (ev: MessageEvent<FromWorker>) => onMessage(ev.data);
    this.worker.onerror = (ev) => {
      ev.preventDefault();
      onFailure(`the engine worker failed: ${ev.message || 'unknown error'}`);
    };
    this.worker.onmessageerror = () =>
      onFailure('a message from the engine worker could not be read');
  }

  /** The worker holds its lock now: `onEnd` runs when the worker ends without terminate(). */
  watchLife(onEnd: () => void): void {
    const locks = (navigator as Navigator & { locks?: LockManager }).locks;
    if (!locks || this.ended) return;
    this.lifeWatch = new AbortController();
    locks
      .request(this.lockName, { signal: this.lifeWatch.signal }, () => {
        if (!this.ended) onEnd();
      })
      .catch(() => {}); // aborted by terminate(): an intended end
  }

  /** Test builds: end the worker as a crash would (no terminate() bookkeeping, no abort). */
  crashForTest(): void {
    this.worker.terminate();
  }

  send(msg: ToWorker): void {
    this.worker.postMessage(msg, { transfer: transferables(msg) });
  }

  terminate(): void {
    if (this.ended) return;
    this.ended = true;
    this.lifeWatch?.abort();
    EngineClient.live--;
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.onmessageerror = null;
    this.worker.terminate();
  }
}
