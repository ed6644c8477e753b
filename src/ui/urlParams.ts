import type { BackendRequest } from '../worker/protocol';

const BACKENDS = ['auto', 'webgl', 'wasm', 'cpu'] as const;

/** `?backend=webgl|wasm|cpu` forces a backend; anything else means auto. */
export function readBackendParam(search: string): BackendRequest {
  const v = new URLSearchParams(search).get('backend');
  return (BACKENDS as readonly string[]).includes(v ?? '') ? (v as BackendRequest) : 'auto';
}
