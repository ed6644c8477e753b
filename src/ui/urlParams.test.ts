import { describe, expect, it } from 'vitest';
import { readBackendParam, readThreadsParam, shareBaseUrl } from './urlParams';

describe('url parameters', () => {
  it('reads the backend, defaulting to auto', () => {
    expect(readBackendParam('?backend=wasm')).toBe('wasm');
    expect(readBackendParam('?backend=nope')).toBe('auto');
    expect(readBackendParam('')).toBe('auto');
  });

  it('reads the wasm threads, 1 to 8, else the default', () => {
    expect(readThreadsParam('?threads=2')).toBe(2);
    expect(readThreadsParam('?threads=1')).toBe(1);
    expect(readThreadsParam('?threads=0')).toBeUndefined();
    expect(readThreadsParam('?threads=2.5')).toBeUndefined();
    expect(readThreadsParam('?threads=99')).toBeUndefined();
    expect(readThreadsParam('')).toBeUndefined();
  });

  it('a share link does not force this browser’s backend on others', () => {
    expect(shareBaseUrl('https://x.org/ebm/?backend=wasm&lang=en#d=abc')).toBe(
      'https://x.org/ebm/?lang=en',
    );
    expect(shareBaseUrl('http://127.0.0.1:4180/?backend=cpu&threads=2')).toBe(
      'http://127.0.0.1:4180/',
    );
  });
});
