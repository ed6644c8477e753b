// Requests to the engine and their replies matched by requestId: the real Engine answers
// overlapping requests, the replies are handed back in reverse order, and each still reaches
// the promise that asked for it. (A test: the layer rules let it drive the worker's Engine.)
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../ebm/testing';
import { DEFAULT_SETTINGS } from '../contract/settings';
import type { EngineReply, FromWorker, ModelWeights } from '../contract/protocol';
import { Engine } from '../worker/engine';
import { EngineRequests } from './engineRequests';

const settings = { ...DEFAULT_SETTINGS, chains: 256 as const, width: 8, depth: 1, chainSteps: 2 };
type ErrorReply = Extract<FromWorker, { type: 'error' }>;
const isReply = (m: FromWorker): m is EngineReply => 'requestId' in m && m.type !== 'error';
const zeros = (w: ModelWeights): ModelWeights => ({
  shapes: w.shapes,
  values: w.values.map((v) => v.map(() => 0)),
});

beforeAll(useCpu);

describe('requests matched by requestId', () => {
  it('two reads and two loads in flight, answered in reverse order, each reach their asker', async () => {
    const posted: FromWorker[] = [];
    const engine = new Engine((m) => posted.push(m));
    engine.handle({
      type: 'init',
      backend: 'cpu',
      settings,
      points: new Float32Array(0),
      gridSize: 16,
    });
    const book = new EngineRequests();
    // The weights as they are, to build a good file (zeros) and a bad one (a missing tensor).
    const first = book.open((requestId) => ({ type: 'getWeights', requestId }));
    engine.handle(first.message);
    book.settle(posted.filter(isReply)[0]);
    const w0 = (await first.reply).weights;
    posted.length = 0;

    const before = book.open((requestId) => ({ type: 'getWeights', requestId }));
    const good = book.open((requestId) => ({ type: 'setWeights', requestId, weights: zeros(w0) }));
    const bad = book.open((requestId) => ({
      type: 'setWeights',
      requestId,
      weights: { shapes: w0.shapes.slice(1), values: w0.values.slice(1) },
    }));
    const after = book.open((requestId) => ({ type: 'getWeights', requestId }));
    for (const r of [before, good, bad, after]) engine.handle(r.message);
    const replies = posted.filter(isReply);
    expect(replies.map((r) => r.requestId)).toEqual(
      [before, good, bad, after].map((r) => r.message.requestId),
    );
    expect(book.size).toBe(4);
    for (const r of [...replies].reverse()) expect(book.settle(r)).toBe(true);
    expect(book.size).toBe(0);

    expect((await before.reply).weights).toEqual(w0);
    expect((await good.reply).error).toBeNull();
    expect((await bad.reply).error).toMatch(/parameter tensors/);
    expect((await after.reply).weights).toEqual(zeros(w0));
    // Settled requests are gone: a repeated or unknown id is ignored.
    expect(book.settle(replies[0])).toBe(false);
    expect(book.settle({ ...replies[0], requestId: 999 })).toBe(false);
  });

  it('an error with a request id rejects that request only; a reply of the wrong type rejects', async () => {
    const posted: FromWorker[] = [];
    const engine = new Engine((m) => posted.push(m)); // no 'init': no model yet
    const book = new EngineRequests();
    const read = book.open((requestId) => ({ type: 'getWeights', requestId }));
    const bench = book.open((requestId) => ({ type: 'bench', requestId }));
    engine.handle(read.message);
    const error = posted.find((m) => m.type === 'error') as ErrorReply;
    expect(error.requestId).toBe(read.message.requestId);
    expect(book.fail(read.message.requestId, error.message)).toBe(true);
    await expect(read.reply).rejects.toThrow(/not ready/);
    expect(book.size).toBe(1); // the benchmark still waits for its own reply
    expect(book.fail(read.message.requestId, 'again')).toBe(false);
    const id = bench.message.requestId;
    expect(book.settle({ type: 'weightsSet', requestId: id, error: null })).toBe(true);
    await expect(bench.reply).rejects.toThrow(/'weightsSet' instead of 'benchResult'/);
  });
});
