// Worker entry: choose a backend, then hand every message to the engine. Anything thrown in a
// handler, uncaught or unhandled in a promise is forwarded as 'fatal': the page's supervisor
// then replaces this worker (a half-updated engine is not trusted to go on). While the engine
// rebuilds after a lost WebGL context, messages wait in order (the heartbeat excepted).
// The worker holds a Web Lock for its whole life: the page asks for the same lock, which is
// granted the moment this worker is gone (killed, crashed), with no heartbeat to wait for.
import { autotune } from './autotune';
import { askWasmThreads, chooseBackend, setContextLostHandler } from './backend';
import { Engine } from './engine';
import { transferables, type FromWorker, type ToWorker } from '../contract/protocol';

const post = (msg: FromWorker) => postMessage(msg, { transfer: transferables(msg) });
const engine = new Engine(post);
/** Messages run after this: the backend's start, then any device recovery. */
let gate: Promise<void> | null = null;

const fatal = (what: string, err: unknown) =>
  post({ type: 'fatal', message: `${what}: ${err instanceof Error ? err.message : String(err)}` });
addEventListener('error', (ev) => fatal('uncaught error in the engine', ev.error ?? ev.message));
addEventListener('unhandledrejection', (ev) =>
  fatal('unhandled rejection in the engine', ev.reason),
);

/** A recovery started (from a handler, the loop or the context's event): later messages wait. */
function holdForRecovery(): void {
  const done = engine.recovery.done;
  if (done && gate) gate = gate.then(() => done.catch((err) => fatal('device recovery', err)));
}

setContextLostHandler(() => engine.deviceLost());
engine.recovery.onStart = holdForRecovery;

function handle(msg: ToWorker): void {
  try {
    engine.handle(msg);
  } catch (err) {
    fatal(`the engine failed on '${String(msg?.type)}'`, err);
  }
}

/** Hold a lock named by the page until this worker ends; then the page's request is granted. */
function holdLifeLock(name: string): void {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  void locks?.request(name, () => {
    post({ type: 'lifeLock', name });
    return new Promise<void>(() => {});
  });
}

onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  if (msg.type === 'init') {
    if (msg.lifeLock) holdLifeLock(msg.lifeLock);
    askWasmThreads(msg.threads);
    gate = chooseBackend(msg.backend)
      .then((c) =>
        autotune(c, msg.backend, msg.langevin ?? 'auto', msg.settings, msg.autotune ?? null),
      )
      .then(
        ({ choice, report }) => {
          post({ type: 'ready', ...choice, autotune: report });
          if (choice.backend === 'cpu')
            post({ type: 'notice', message: `Running on cpu: ${choice.reason}.` });
          handle(msg);
        },
        (err: unknown) => post({ type: 'error', message: String(err) }),
      );
    return;
  }
  // The heartbeat is answered even while a recovery holds the rest.
  if (msg.type === 'ping' && engine.recovery.active) return handle(msg);
  // Messages that arrive while the backend starts (or recovers) wait for it, in order.
  if (gate) gate = gate.then(() => handle(msg));
};
