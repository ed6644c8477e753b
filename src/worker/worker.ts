// Worker entry: choose a backend, then hand every message to the engine.
import { chooseBackend } from './backend';
import { Engine } from './engine';
import { transferables, type FromWorker, type ToWorker } from '../contract/protocol';

const post = (msg: FromWorker) => postMessage(msg, { transfer: transferables(msg) });
const engine = new Engine(post);
let ready: Promise<void> | null = null;

onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type === 'init') {
    ready = chooseBackend(msg.backend).then(
      (choice) => {
        post({ type: 'ready', ...choice });
        engine.handle(msg);
      },
      (err: unknown) => post({ type: 'error', message: String(err) }),
    );
    return;
  }
  // Messages that arrive while the backend starts wait for it, in order.
  if (ready) void ready.then(() => engine.handle(msg));
};
