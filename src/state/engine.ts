// The bridge between the store and the engine worker: store changes become commands,
// worker replies become store updates (low rate) or frames (frameHolder, per frame).
import { EngineClient } from '../worker/client';
import type { BackendRequest, FromWorker } from '../worker/protocol';
import { assertNever } from '../worker/protocol';
import { frames } from './frameHolder';
import { recordStatus, useApp } from './store';
import type { Point } from './schema';

export const GRID_SIZE = 128;

let client: EngineClient | null = null;

export interface BenchResult {
  backend: string;
  results: Record<string, number>;
}
const benchWaiters: ((r: BenchResult) => void)[] = [];

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
      recordStatus(msg.iteration, msg.itersPerSec, msg.playing, msg.stats);
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
      app.setNotice({ level: 'error', text: msg.message });
      return;
    case 'benchResult':
      benchWaiters
        .splice(0)
        .forEach((resolve) => resolve({ backend: msg.backend, results: msg.results }));
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
    });
    if (s.playing) client.send({ type: 'play' });
    // Store → worker: settings and points go over as they change.
    useApp.subscribe((next, prev) => {
      if (next.settings !== prev.settings)
        client?.send({ type: 'settings', settings: next.settings });
      if (next.points !== prev.points)
        client?.send({ type: 'points', points: pointsToArray(next.points) });
    });
  },
  play: () => client?.send({ type: 'play' }),
  pause: () => client?.send({ type: 'pause' }),
  step: () => client?.send({ type: 'step' }),
  reset: () => client?.send({ type: 'reset' }),
  ack: (frameId: number) => client?.send({ type: 'ack', frameId }),
  bench: (): Promise<BenchResult> =>
    new Promise((resolve) => {
      benchWaiters.push(resolve);
      client?.send({ type: 'bench' });
    }),
};
