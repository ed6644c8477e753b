// Main-thread side of the protocol: owns the Worker, posts commands (transferring
// buffers), and routes replies. No TensorFlow here: tensors live in the worker only.
// A worker that fails (an uncaught error, a message that cannot be deserialised) is reported
// to `onFailure` once; the supervisor (supervisor.ts) decides what to do with it.
import type { FromWorker, ToWorker } from '../contract/protocol';
import { transferables } from '../contract/protocol';

export type Handler = (msg: FromWorker) => void;

export class EngineClient {
  /** Workers started and not yet terminated (the supervisor keeps it at most 1). */
  static live = 0;
  private readonly worker: Worker;
  private ended = false;

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

  send(msg: ToWorker): void {
    this.worker.postMessage(msg, { transfer: transferables(msg) });
  }

  terminate(): void {
    if (this.ended) return;
    this.ended = true;
    EngineClient.live--;
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.onmessageerror = null;
    this.worker.terminate();
  }
}
