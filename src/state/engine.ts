// The bridge between the store and the engine worker: store changes become commands,
// worker replies become store updates (low rate) or frames (frameHolder, per frame). The
// worker itself is the supervisor's (supervisor.ts): it is watched and, when it fails,
// replaced by one brought back to the page's points, settings and last good weights.
import { splitPoints } from './pointSets';
import type { LangevinRequest } from '../contract/autotune';
import type {
  BackendRequest,
  EngineRequest,
  FromWorker,
  ModelWeights,
  ToWorker,
} from '../contract/protocol';
import { assertNever } from '../contract/protocol';
import { modelKeys, type Settings } from '../contract/settings';
import { clearAutotuneCache, readAutotuneCache, writeAutotuneCache } from './autotuneCache';
import { EngineRequests } from './engineRequests';
import { pauseWhenHidden } from './hiddenTab';
import { compareGrids, densityGrids, frames, offerFrame } from './frameHolder';
import { useApp } from './store';
import type { Point } from './schema';
import { receiveSlowPhase, useSlowMotion } from './slowMotion';
import { Supervisor } from './supervisor';
import { rollbackText } from './rollbackText';
import {
  installTestHook,
  pageCounters,
  receiveTestFused,
  receiveTestReport,
  recordFrame,
} from './testHook';

export const GRID_SIZE = 128;
/** The page keeps a copy of the model's weights this often while training (ms). */
const KEEP_WEIGHTS_MS = 2_000;
/** After a model or chain-count change the watch allows this long a silence (ms). */
const REBUILD_QUIET_MS = 8_000;

/** What the page's URL asks of this device: backend, Langevin path, wasm threads. */
let ask: { backend: BackendRequest; langevin: LangevinRequest; threads?: number } = {
  backend: 'auto',
  langevin: 'auto',
};

export interface BenchResult {
  backend: string;
  results: Record<string, number>;
}
type WeightsReply = Extract<FromWorker, { type: 'weights' }>;
/** Requests in flight, matched to their replies by requestId. */
const requests = new EngineRequests();
/** The last weights read back that were all finite, with the settings they belong to. */
let lastGood: { weights: ModelWeights; settings: Settings } | null = null;

const supervisor = new Supervisor({
  onMessage,
  startMessages,
  onFailure,
  expectsProgress: () => {
    const a = useApp.getState();
    return a.playing && a.settings.mode === 'train' && document.visibilityState === 'visible';
  },
});

function request<R extends EngineRequest>(build: (requestId: number) => R) {
  if (!started) return Promise.reject(new Error('the engine is not running'));
  const { message, reply } = requests.open(build);
  supervisor.send(message);
  return reply;
}

export function pointsToArray(points: Point[]): Float32Array {
  const a = new Float32Array(points.length * 2);
  points.forEach((p, i) => {
    a[2 * i] = p.x;
    a[2 * i + 1] = p.y;
  });
  return a;
}

const sameModel = (a: Settings, b: Settings) =>
  a.model === b.model &&
  modelKeys(a.model).every((k) => a[k as keyof Settings] === b[k as keyof Settings]);

/** A new worker: the page's points and settings, the last good weights, and play if playing. */
function startMessages(): ToWorker[] {
  const s = useApp.getState();
  frames.restart();
  densityGrids.restart();
  compareGrids.restart();
  const out: ToWorker[] = [
    {
      type: 'init',
      backend: ask.backend,
      settings: s.settings,
      ...splitPoints(s.points),
      gridSize: GRID_SIZE,
      preset: s.preset ?? undefined,
      langevin: ask.langevin,
      threads: ask.threads,
      autotune: readAutotuneCache(),
    },
  ];
  if (lastGood && sameModel(lastGood.settings, s.settings)) {
    // Its reply has an id no request waits for: it is ignored (a mismatch changes nothing).
    out.push({ type: 'setWeights', requestId: -1, weights: lastGood.weights });
  }
  if (s.compare.on) out.push({ type: 'compare', on: true });
  // What other parts of the page keep in the worker (experts, mixing, clamp).
  for (const more of startHooks) out.push(...more());
  if (s.playing) out.push({ type: 'play' });
  return out;
}

/** Messages a new worker needs besides the points and settings (addStartMessages). */
const startHooks: (() => ToWorker[])[] = [];

function onFailure(reason: string, restarted: boolean): void {
  requests.failAll(`the engine stopped (${reason})`);
  const app = useApp.getState();
  if (restarted) {
    app.setNotice({
      level: 'error',
      text: `The engine stopped: ${reason}. A new one was started with your points, settings and the last good weights (restart ${supervisor.restarts}).`,
    });
    return;
  }
  useApp.setState({ playing: false, itersPerSec: 0 });
  app.setNotice({
    level: 'error',
    text: `The engine stopped: ${reason}. It failed too often within a minute, so it was not restarted again.`,
    action: { label: 'Restart the engine', run: () => supervisor.start() },
  });
}

function keepWeights(): void {
  const a = useApp.getState();
  if (!started || !a.playing || a.settings.mode !== 'train' || supervisor.stopped) return;
  void request((requestId) => ({ type: 'getWeights', requestId })).then(
    (r) => {
      if (r.weights.values.every((v) => v.every(Number.isFinite))) lastGood = r;
    },
    () => {},
  );
}

function onMessage(msg: FromWorker): void {
  const app = useApp.getState();
  switch (msg.type) {
    case 'ready': {
      const { backend: name, reason, renderer, threads, autotune } = msg;
      useApp.setState({ backend: { name, reason, renderer, threads, autotune } });
      if (autotune?.source === 'measured') writeAutotuneCache(autotune);
      return;
    }
    case 'frame':
    case 'samples':
      pageCounters.framesReceived++;
      if (__EBM_TEST__) recordFrame(msg.samples, msg.type === 'frame' ? msg.grid : null);
      // A frame that will never be drawn (an older run's) is acked at once: no credit is lost.
      if (!offerFrame(msg)) engine.ack(msg.frameId);
      return;
    case 'status':
      pageCounters.credits = msg.credits;
      frames.setGeneration(msg.generation);
      compareGrids.setGeneration(msg.generation);
      app.recordStatus(msg.iteration, msg.itersPerSec, msg.playing, msg.stats);
      return;
    case 'rollback':
      pageCounters.rollbacks++;
      pageCounters.lastRollbackIteration = msg.iteration;
      if (Object.keys(msg.adjusted).length > 0) app.setSettings(msg.adjusted);
      app.setNotice({ level: 'warn', text: rollbackText(msg) });
      return;
    case 'notice':
      app.setNotice({ level: 'info', text: msg.message });
      return;
    case 'error':
      // A request's error goes to whoever asked (and says so there), else to the notice.
      if (msg.requestId !== undefined && requests.fail(msg.requestId, msg.message)) return;
      app.setNotice({ level: 'error', text: msg.message });
      return;
    case 'benchResult':
    case 'weights':
    case 'weightsSet':
    case 'expertsSet':
    case 'restored':
      requests.settle(msg);
      return;
    case 'sampling':
      app.recordSampling(msg);
      return;
    case 'metrics':
      app.recordMetrics(msg);
      return;
    case 'compareFrame':
      if (compareGrids.offer(msg)) app.recordCompare(msg);
      return;
    case 'slowPhase':
      receiveSlowPhase(msg);
      return;
    case 'fatal': // the supervisor handles these before they get here
    case 'lifeLock':
      return;
    case 'testReport':
      if (__EBM_TEST__) receiveTestReport(msg);
      return;
    case 'testFused':
      if (__EBM_TEST__) receiveTestFused(msg);
      return;
    default:
      assertNever(msg);
  }
}

let started = false;

export const engine = {
  start(backend: BackendRequest, langevin: LangevinRequest = 'auto', threads?: number): void {
    if (started) return;
    started = true;
    ask = { backend, langevin, threads };
    supervisor.start();
    setInterval(keepWeights, KEEP_WEIGHTS_MS);
    if (__EBM_TEST__) installTestHook(supervisor);
    pauseWhenHidden(engine);
    // Store → worker: settings and points go over as they change.
    useApp.subscribe((next, prev) => {
      if (next.settings !== prev.settings) {
        // A new model or chain count is rebuilt (on webgl: shaders compiled) in one long task.
        const a = next.settings;
        const b = prev.settings;
        if (!sameModel(a, b) || a.chains !== b.chains) supervisor.quietFor(REBUILD_QUIET_MS);
        supervisor.send({ type: 'settings', settings: a });
      }
      if (next.points !== prev.points)
        supervisor.send({
          type: 'points',
          ...splitPoints(next.points),
          preset: next.preset ?? undefined,
        });
    });
    useApp.subscribe((next, prev) => {
      if (next.sampling.trails !== prev.sampling.trails)
        supervisor.send({ type: 'trails', on: next.sampling.trails });
      if (next.compare.on !== prev.compare.on)
        supervisor.send({ type: 'compare', on: next.compare.on });
    });
  },
  /** Forget this device's autotune result and start a worker that measures again. */
  remeasure: () => {
    clearAutotuneCache();
    useApp.setState({ backend: null });
    supervisor.replace();
  },
  play: () => {
    useSlowMotion.getState().clear();
    supervisor.send({ type: 'play' });
  },
  pause: () => supervisor.send({ type: 'pause' }),
  step: () => {
    useSlowMotion.getState().clear();
    supervisor.send({ type: 'step' });
  },
  reset: () => {
    useSlowMotion.getState().clear();
    supervisor.send({ type: 'reset' });
  },
  /** The next phase of one training iteration in slow motion (answered by 'slowPhase'). */
  slowStep: () => supervisor.send({ type: 'slowStep' }),
  ack: (frameId: number) => {
    pageCounters.acksSent++;
    supervisor.send({ type: 'ack', frameId });
  },
  /** Sample mode: start a few chains at (x, y) in data units. */
  probe: (x: number, y: number) => supervisor.send({ type: 'probe', x, y }),
  /** Restart every chain uniformly over the box (a new sampling run). */
  restartChains: () => supervisor.send({ type: 'restartChains' }),
  bench: (): Promise<BenchResult> => {
    supervisor.quietFor(120_000); // the benchmark holds the worker for many seconds
    return request((requestId) => ({ type: 'bench', requestId })).then(({ backend, results }) => {
      supervisor.endQuiet();
      return { backend, results };
    });
  },
  /** The current model's parameters and the settings they belong to. */
  getWeights: (): Promise<WeightsReply> =>
    request((requestId) => ({ type: 'getWeights', requestId })),
  /** Any command (the composition and recovery bridge's; see composeBridge.ts). */
  send: (msg: ToWorker) => supervisor.send(msg),
  /** Any request, answered by its reply (rejected when the engine stops). */
  request,
  /** `more()` is sent to every new worker after its 'init' (and again after a restart). */
  addStartMessages: (more: () => ToWorker[]) => void startHooks.push(more),
  /** Replaces the model's parameters: null when loaded, else why not. */
  setWeights: (weights: ModelWeights): Promise<string | null> =>
    started
      ? request((requestId) => ({ type: 'setWeights', requestId, weights })).then((r) => r.error)
      : Promise.resolve('the engine is not running'),
};
