// Main-thread side of the protocol: owns the Worker, posts commands (transferring
// buffers), and routes replies. No TensorFlow here: tensors live in the worker only.
import type { FromWorker, ToWorker } from '../contract/protocol';
import { transferables } from '../contract/protocol';

export type Handler = (msg: FromWorker) => void;

export class EngineClient {
  private readonly worker: Worker;

  constructor(onMessage: Handler) {
    this.worker = new Worker(new URL('../worker/worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (ev: MessageEvent<FromWorker>) => onMessage(ev.data);
    this.worker.onerror = (ev) =>
      onMessage({
        type: 'error',
        message: `Engine worker failed: ${ev.message || 'unknown error'}`,
      });
  }

  send(msg: ToWorker): void {
    this.worker.postMessage(msg, { transfer: transferables(msg) });
  }

  terminate(): void {
    this.worker.terminate();
  }
}
