// The supervisor's watch, with a fake worker and fake time: silence and stalls count only once
// the iteration has moved on the current device and model; a rebuilt backend ('ready' again)
// or a new generation is watched again only after it has moved; restarts are limited.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker, ToWorker } from '../contract/protocol';

interface Fake {
  deliver: (msg: FromWorker) => void;
  sent: ToWorker[];
  terminated: boolean;
}
const made: Fake[] = [];

vi.mock('./engineClient', () => ({
  EngineClient: class {
    readonly lockName = 'lock';
    private readonly fake: Fake;
    constructor(onMessage: (msg: FromWorker) => void) {
      this.fake = { deliver: onMessage, sent: [], terminated: false };
      made.push(this.fake);
    }
    send(msg: ToWorker) {
      this.fake.sent.push(msg);
    }
    terminate() {
      this.fake.terminated = true;
    }
    watchLife() {}
    crashForTest() {}
  },
}));

const { HANG_MS, MAX_RESTARTS, Supervisor } = await import('./supervisor');

const status = (iteration: number, generation = 1): FromWorker =>
  ({
    type: 'status',
    generation,
    iteration,
    playing: true,
    itersPerSec: 1,
    framesPerSec: 1,
    stats: null,
    credits: { sent: 0, acked: 0, maxInFlight: 0 },
  }) as unknown as FromWorker;
const ready = { type: 'ready', backend: 'webgl', reason: '', renderer: null } as FromWorker;

function setup() {
  const failures: [string, boolean][] = [];
  const sup = new Supervisor({
    onMessage: () => {},
    startMessages: () => [{ type: 'play' }],
    onFailure: (reason, restarted) => failures.push([reason, restarted]),
    expectsProgress: () => true,
  });
  sup.start();
  return { sup, failures, worker: () => made.at(-1)! };
}

beforeEach(() => {
  made.length = 0;
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'performance'] });
});
afterEach(() => vi.useRealTimers());

describe('supervisor', () => {
  it('does not call a silent first compile a hang', () => {
    const { failures, worker } = setup();
    worker().deliver(status(0));
    vi.advanceTimersByTime(60_000);
    expect(failures).toEqual([]);
  });

  it('replaces an armed worker that stops answering, once, with a new one', () => {
    const { sup, failures, worker } = setup();
    worker().deliver(status(0));
    worker().deliver(status(1)); // armed: the iteration moved
    const first = worker();
    vi.advanceTimersByTime(HANG_MS + 500);
    expect(failures).toEqual([['the engine stopped answering', true]]);
    expect(first.terminated).toBe(true);
    expect(made).toHaveLength(2);
    expect(sup.restarts).toBe(1);
  });

  it('watches a rebuilt backend again only after its iteration moves', () => {
    const { failures, worker } = setup();
    worker().deliver(status(0));
    worker().deliver(status(5));
    worker().deliver(ready); // the context was lost and rebuilt: shaders compile anew
    vi.advanceTimersByTime(30_000);
    expect(failures).toEqual([]);
    worker().deliver(status(5));
    worker().deliver(status(6)); // moving again: watched
    vi.advanceTimersByTime(HANG_MS + 500);
    expect(failures).toHaveLength(1);
  });

  it('a new generation (a new model) is not watched until it moves', () => {
    const { failures, worker } = setup();
    worker().deliver(status(0));
    worker().deliver(status(40));
    worker().deliver(status(0, 2)); // rebuilt: iteration back to 0 is not progress
    vi.advanceTimersByTime(30_000);
    expect(failures).toEqual([]);
  });

  it(`stops after ${MAX_RESTARTS} restarts a minute and says so`, () => {
    const { sup, failures, worker } = setup();
    for (let k = 0; k <= MAX_RESTARTS; k++) {
      worker().deliver(status(0));
      worker().deliver(status(1));
      vi.advanceTimersByTime(HANG_MS + 500);
    }
    expect(failures.map(([, restarted]) => restarted)).toEqual([true, true, true, false]);
    expect(sup.stopped).toBe(true);
    expect(made).toHaveLength(MAX_RESTARTS + 1);
  });
});
