// The bridge between the store and the engine worker: store changes become commands,
// worker replies become store updates (low rate) or frames (frameHolder, per frame).
import { EngineClient } from './engineClient';
import type { BackendRequest, EngineRequest, FromWorker, ModelWeights } from '../contract/protocol';
import { assertNever } from '../contract/protocol';
import { EngineRequests } from './engineRequests';
import { frames } from './frameHolder';
import { useApp } from './store';
import type { Point } from './schema';

export const GRID_SIZE = 128;

let client: EngineClient | null = null;

export interface BenchResult {
  backend: string;
  results: Record<string, number>;
}
type WeightsReply = Extract<FromWorker, { type: 'weights' }>;
/** Requests in flight, matched to their replies by requestId. */
const requests = new EngineRequests();

function request<R extends EngineRequest>(build: (requestId: number) => R) {
  if (!client) return Promise.reject(new Error('the engine is not running'));
  const { message, reply } = requests.open(build);
  client.send(message);
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

function onMessage(msg: FromWorker): void {
  const app = useApp.getState();
  switch (msg.type) {
    case 'ready':
      useApp.setState({
        backend: { name: msg.backend, reason: msg.reason, renderer: msg.renderer },
      });
      return;
    case 'frame':
      frames.offer(msg);
      return;
    case 'status':
      frames.setGeneration(msg.generation);
      app.recordStatus(msg.iteration, msg.itersPerSec, msg.playing, msg.stats);
      return;
    case 'rollback':
      app.setNotice({
        level: 'warn',
        text: `Training blew up at iteration ${msg.iteration}: ${msg.reason}. Rolled back to the last good model. Try a smaller learning rate or step size.`,
      });
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
      requests.settle(msg);
      return;
    case 'sampling':
      app.recordSampling(msg);
      return;
    case 'metrics':
      app.recordMetrics(msg);
      return;
    default:
      assertNever(msg);
  }
}

export const engine = {
  start(backend: BackendRequest): void {
    if (client) return;
    client = new EngineClient(onMessage);
    const s = useApp.getState();
    client.send({
      type: 'init',
      backend,
      settings: s.settings,
      points: pointsToArray(s.points),
      gridSize: GRID_SIZE,
      preset: s.preset ?? undefined,
    });
    if (s.playing) client.send({ type: 'play' });
    // Store → worker: settings and points go over as they change.
    useApp.subscribe((next, prev) => {
      if (next.settings !== prev.settings)
        client?.send({ type: 'settings', settings: next.settings });
      if (next.points !== prev.points)
        client?.send({
          type: 'points',
          points: pointsToArray(next.points),
          preset: next.preset ?? undefined,
        });
    });
    useApp.subscribe((next, prev) => {
      if (next.sampling.trails !== prev.sampling.trails)
        client?.send({ type: 'trails', on: next.sampling.trails });
    });
  },
  play: () => client?.send({ type: 'play' }),
  pause: () => client?.send({ type: 'pause' }),
  step: () => client?.send({ type: 'step' }),
  reset: () => client?.send({ type: 'reset' }),
  ack: (frameId: number) => client?.send({ type: 'ack', frameId }),
  /** Sample mode: start a few chains at (x, y) in data units. */
  probe: (x: number, y: number) => client?.send({ type: 'probe', x, y }),
  /** Restart every chain uniformly over the box (a new sampling run). */
  restartChains: () => client?.send({ type: 'restartChains' }),
  bench: (): Promise<BenchResult> =>
    request((requestId) => ({ type: 'bench', requestId })).then(({ backend, results }) => ({
      backend,
      results,
    })),
  /** The current model's parameters and the settings they belong to. */
  getWeights: (): Promise<WeightsReply> =>
    request((requestId) => ({ type: 'getWeights', requestId })),
  /** Replaces the model's parameters: null when loaded, else why not. */
  setWeights: (weights: ModelWeights): Promise<string | null> =>
    client
      ? request((requestId) => ({ type: 'setWeights', requestId, weights })).then((r) => r.error)
      : Promise.resolve('the engine is not running'),
};
