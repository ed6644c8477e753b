import { LANGEVIN_REQUESTS, type LangevinRequest } from '../contract/autotune';
import type { BackendRequest } from '../contract/protocol';

const BACKENDS = ['auto', 'webgl', 'wasm', 'cpu'] as const;

/** `?backend=webgl|wasm|cpu` forces a backend; anything else means auto. */
export function readBackendParam(search: string): BackendRequest {
  const v = new URLSearchParams(search).get('backend');
  return (BACKENDS as readonly string[]).includes(v ?? '') ? (v as BackendRequest) : 'auto';
}

/** `?langevin=ops|fused` forces the Langevin path; anything else lets the autotuner choose. */
export function readLangevinParam(search: string): LangevinRequest {
  const v = new URLSearchParams(search).get('langevin');
  return (LANGEVIN_REQUESTS as readonly string[]).includes(v ?? '')
    ? (v as LangevinRequest)
    : 'auto';
}

/** `?threads=N` (1–8): wasm threads when cross-origin isolated; 1 keeps the plain build. */
export function readThreadsParam(search: string): number | undefined {
  const n = Number(new URLSearchParams(search).get('threads') ?? NaN);
  return Number.isInteger(n) && n >= 1 && n <= 8 ? n : undefined;
}

/** Page-level parameters that describe this browser, not the work: a share link drops them. */
const LOCAL_PARAMS = ['backend', 'bench', 'langevin', 'threads'];

/** The address a share link starts from: this page without its fragment or local parameters. */
export function shareBaseUrl(href: string): string {
  const url = new URL(href);
  url.hash = '';
  LOCAL_PARAMS.forEach((p) => url.searchParams.delete(p));
  return url.href;
}
