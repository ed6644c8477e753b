import { describe, expect, it } from 'vitest';
import { readBackendParam, shareBaseUrl } from './urlParams';

describe('url parameters', () => {
  it('reads the backend, defaulting to auto', () => {
    expect(readBackendParam('?backend=wasm')).toBe('wasm');
    expect(readBackendParam('?backend=nope')).toBe('auto');
    expect(readBackendParam('')).toBe('auto');
  });

  it('a share link does not force this browser’s backend on others', () => {
    expect(shareBaseUrl('https://x.org/ebm/?backend=wasm&lang=en#d=abc')).toBe(
      'https://x.org/ebm/?lang=en',
    );
    expect(shareBaseUrl('http://127.0.0.1:4180/?backend=cpu')).toBe('http://127.0.0.1:4180/');
  });
});
