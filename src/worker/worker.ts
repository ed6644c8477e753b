// Worker entry: choose a backend, then hand every message to the engine. Anything thrown in a
// handler, uncaught or unhandled in a promise is forwarded as 'fatal': the page's supervisor
// then replaces this worker (a half-updated engine is not trusted to go on).
import { autotune } from './autotune';
import { chooseBackend } from './backend';
import { Engine } from './engine';
import { transferables, type FromWorker, type ToWorker } from '../contract/protocol';

const post = (msg: FromWorker) => postMessage(msg, { transfer: transferables(msg) });
const engine = new Engine(post);
let ready: Promise<void> | null = null;

const fatal = (what: string, err: unknown) =>
  post({ type: 'fatal', message: `${what}: ${err instanceof Error ? err.message : String(err)}` });
addEventListener('error', (ev) => fatal('uncaught error in the engine', ev.error ?? ev.message));
addEventListener('unhandledrejection', (ev) =>
  fatal('unhandled rejection in the engine', ev.reason),
);

function handle(msg: ToWorker): void {
  try {
    engine.handle(msg);
  } catch (err) {
    fatal(`the engine failed on '${String(msg?.type)}'`, err);
  }
}

onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type === 'init') {
    ready = chooseBackend(msg.backend)
      .then((c) =>
        autotune(c, msg.backend, msg.langevin ?? 'auto', msg.settings, msg.autotune ?? null),
      )
      .then(
        ({ choice, report }) => {
          post({ type: 'ready', ...choice, autotune: report });
          handle(msg);
        },
        (err: unknown) => post({ type: 'error', message: String(err) }),
      );
    return;
  }
  // Messages that arrive while the backend starts wait for it, in order.
  if (ready) void ready.then(() => handle(msg));
};
