// readFrame: one readback of chains + grid + stats; a frozen model's grid is reused.
import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../ebm/testing';
import { tf } from '../ebm/tf';
import { DEFAULT_SETTINGS } from '../contract/settings';
import { readFrame } from './frame';
import { Session } from './session';

beforeAll(useCpu);

describe('readFrame', () => {
  const settings = { ...DEFAULT_SETTINGS, chains: 256 as const, width: 8, depth: 1 };

  it('reads chains and the model energy on the grid', () => {
    const s = new Session(settings, 16, 0);
    const r = readFrame(s);
    expect(r.samples.length).toBe(512);
    expect(Array.from(r.grid)).toEqual(
      Array.from(tf.tidy(() => s.grid.evaluate(s.model.energy)).dataSync()),
    );
    expect(r.blowUp).toBeNull();
    s.dispose();
  });

  it('with a frozen grid, skips the grid evaluation and returns a copy of that grid', () => {
    const s = new Session(settings, 16, 0);
    const frozen = Float32Array.from({ length: 256 }, (_, i) => i / 256);
    const before = tf.memory().numTensors;
    const r = readFrame(s, false, frozen);
    expect(tf.memory().numTensors).toBe(before);
    expect(r.grid).not.toBe(frozen); // a copy: the frame's buffer is transferred away
    expect(Array.from(r.grid)).toEqual(Array.from(frozen));
    expect(Array.from(r.samples)).toEqual(Array.from(s.buffer.chains.dataSync()));
    s.dispose();
  });
});
