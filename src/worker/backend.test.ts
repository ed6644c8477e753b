import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer, refuseHalfFloat } from './backend';

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
});
