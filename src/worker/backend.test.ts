import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer, refuseHalfFloat, wasmThreadsFor } from './backend';

describe('backend ladder choices', () => {
  it('a 16-bit float GPU gives way to wasm in auto mode only', () => {
    expect(refuseHalfFloat(16, 'auto')).toBe(true);
    expect(refuseHalfFloat(32, 'auto')).toBe(false);
    expect(refuseHalfFloat(16, 'webgl')).toBe(false); // asked for: kept, with a warning
  });

  it('software renderers are recognised', () => {
    expect(isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device))')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3070)')).toBe(false);
  });

  it('wasm threads: one unless cross-origin isolated; else as asked or half the cores', () => {
    expect(wasmThreadsFor(4, false, 8)).toBe(1); // no SharedArrayBuffer
    expect(wasmThreadsFor(null, true, 2)).toBe(1); // 2 logical cores: tfjs's own choice, 1
    expect(wasmThreadsFor(null, true, 8)).toBe(4);
    expect(wasmThreadsFor(null, true, 32)).toBe(4); // at most MAX_THREADS by default
    expect(wasmThreadsFor(2, true, 2)).toBe(2); // asked for: honoured (the bench's 2 vs 1)
    expect(wasmThreadsFor(1, true, 16)).toBe(1);
  });
});
