// Samples frames (framePublisher.ts, issue 13): the chains alone, with a frame id and a credit,
// checked like a full frame, and never posted from a lost GPU context.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useCpu } from '../ebm/testing';
import { tf } from '../ebm/tf';
import { DEFAULT_SETTINGS } from '../contract/settings';
import type { FromWorker } from '../contract/protocol';
import { FramePublisher, MAX_IN_FLIGHT } from './framePublisher';
import { SampleMode } from './sampleMode';
import { Session } from './session';

const lost = vi.hoisted(() => ({ value: false }));
vi.mock('./backend', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./backend')>()),
  deviceLost: () => lost.value,
}));

beforeAll(useCpu);
afterEach(() => {
  lost.value = false;
});

const settings = { ...DEFAULT_SETTINGS, chains: 256 as const, width: 8, depth: 1 };

function setup() {
  const posted: FromWorker[] = [];
  const pub = new FramePublisher((m) => void posted.push(m), new SampleMode());
  const session = new Session(settings, 16, 0);
  const src = { session, settings, points: new Float32Array(0), generation: 3, iteration: 7 };
  return { posted, pub, session, src };
}

describe('samples frames', () => {
  it('carry the chains, take ids from the frames’ sequence and count as in flight', () => {
    const { posted, pub, session, src } = setup();
    expect(pub.publish(src, true)).toBe('posted');
    // Samples frames take the remaining credits, one id each.
    for (let k = 1; k < MAX_IN_FLIGHT; k++) expect(pub.publishSamples(src)).toBe('posted');
    const m = posted.at(-1)!;
    expect(m.type).toBe('samples');
    if (m.type !== 'samples') return;
    expect(m.frameId).toBe(MAX_IN_FLIGHT);
    expect(m.generation).toBe(3);
    expect(m.iteration).toBe(7);
    expect(Array.from(m.samples)).toEqual(Array.from(session.buffer.chains.dataSync()));
    expect(pub.inFlight).toBe(MAX_IN_FLIGHT);
    expect(pub.due(session)).toBe('none');
    expect(pub.publishSamples(src)).toBe('skipped');
    pub.ack(MAX_IN_FLIGHT);
    expect(pub.due(session, performance.now() + 1000)).toBe('grid');
    session.dispose();
  });

  it('a forced frame that found no credit goes before any samples frame', () => {
    const { pub, session, src } = setup();
    pub.publish(src, true);
    for (let k = 1; k < MAX_IN_FLIGHT; k++) pub.publishSamples(src);
    expect(pub.publish(src, true)).toBe('skipped');
    expect(pub.owed).toBe(true);
    pub.ack(MAX_IN_FLIGHT);
    expect(pub.due(session)).toBe('grid');
    session.dispose();
  });

  it('a non-finite chain is never posted: the run rolls back (or is rebuilt)', () => {
    const { posted, pub, session, src } = setup();
    const before = tf.memory().numTensors;
    tf.tidy(() => session.buffer.chains.assign(tf.fill([256, 2], NaN)));
    expect(['rolledBack', 'lost']).toContain(pub.publishSamples(src));
    expect(posted.filter((m) => m.type === 'samples')).toHaveLength(0);
    expect(tf.memory().numTensors).toBeLessThanOrEqual(before);
    session.dispose();
  });

  it('read from a lost GPU context: nothing is posted and no credit is taken', () => {
    const { posted, pub, session, src } = setup();
    lost.value = true;
    expect(pub.publishSamples(src)).toBe('deviceLost');
    expect(posted).toHaveLength(0);
    expect(pub.credits().sent).toBe(0);
    session.dispose();
  });
});
