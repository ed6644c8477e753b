// The engine's paths and the start-up autotuner's report (worker/autotune.ts measures, the
// page caches the report per device and shows it in the status line).
//   webgl-fused  one hand-written WebGL program per Langevin step (ebm/fused/langevinGl.ts)
//   webgl-ops    tfjs ops and tf.grad on the webgl backend (~54 kernels per step)
//   wasm-ops     tfjs ops and tf.grad on the wasm backend (SIMD)
//   cpu-ops      the last resort (never measured: always the slowest)
export const ENGINE_PATHS = ['webgl-fused', 'webgl-ops', 'wasm-ops', 'cpu-ops'] as const;
export type EnginePath = (typeof ENGINE_PATHS)[number];

/** `?langevin=`: force the fused program (on webgl) or the ops path; auto measures. */
export const LANGEVIN_REQUESTS = ['auto', 'ops', 'fused'] as const;
export type LangevinRequest = (typeof LANGEVIN_REQUESTS)[number];

export interface PathTiming {
  path: EnginePath;
  /** Median ms per Langevin step of `chains` chains (timed to a readback), or null if not run. */
  ms: number | null;
  /** Why it was not measured, or what happened (compile time, failure). */
  note?: string;
}

export interface AutotuneReport {
  /** This device as the worker sees it (renderer, cores): the cache's key. */
  deviceKey: string;
  chosen: EnginePath;
  /** measured now; cached from an earlier visit on this device; forced by the URL. */
  source: 'measured' | 'cached' | 'forced';
  timings: PathTiming[];
  /** Wall time the measurement took (ms; 0 when cached or forced). */
  totalMs: number;
  chains: number;
}

/** The autotuner's time budget at start-up (ms). */
export const AUTOTUNE_BUDGET_MS = 300;

export function pathLabel(p: EnginePath): string {
  return p.replace('-', ' ');
}
