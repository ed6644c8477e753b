// The density and training-health numbers the engine sends a few times a second (the
// 'metrics' message of protocol.ts), in their own file: the protocol's per-frame messages and
// these read-outs change for different reasons.
/** A training-health finding (src/ebm/density/health.ts makes them), with the fix to try. */
export interface HealthWarning {
  id: string;
  level: 'info' | 'warn' | 'error';
  message: string;
  fix: string;
}

/** Density and training-health numbers (ebm/density/frameMetrics.ts); NaN where not defined. */
export interface DensityMetrics {
  /** log Z over the view box (nats), by quadrature on the grid. */
  logZ: number;
  /** −mean log p_θ(data), nats per point; KL(data KDE ‖ K_b ∗ p_θ), nats (the model through
   *  the data's kernel b; ebm/density/frameMetrics.ts). */
  nll: number;
  kl: number;
  /**
   * The KL a perfect model would score on these points and this bandwidth (smoothed
   * bootstrap, nats) and its spread over resamples; NaN without data.
   */
  klFloor: number;
  klFloorStd: number;
  /** max |log Z at G/2 − log Z at G| (nats): above ~0.02 a mode is narrower than a cell. */
  logZGap: number;
  /**
   * Level calibration (ebm/density/levelCalibration.ts): the KS distance between the data's
   * levels under p_θ and Uniform(0, 1), its 5 % noise level for this many points, and the
   * signed excess (< 0: the data sit in the model's densest regions more than its samples).
   */
  levelKs: number;
  levelKsNoise: number;
  levelExcess: number;
  /** Sliced Wasserstein-1 between samples and data (data units). */
  slicedW: number;
  /** Preset modes holding at least half their share of samples, of those holding data. */
  modesCovered: number;
  modesTotal: number;
  offModeShare: number;
  /** KDE bandwidth (data units) and whether it was chosen by cross-validation. */
  bandwidth: number;
  bandwidthAuto: boolean;
  /** Share of p_θ's mass in the outer ring of grid cells. */
  borderMass: number;
  energyMin: number;
  energyMax: number;
  /** Mean E(data) − mean E(samples); mean ‖∇ₓE‖ at the chains; parameter-gradient norm. */
  gap: number;
  gradX: number;
  paramGradNorm: number;
  sampleSpread: number;
  dataSpread: number;
  /** Colour top for the density views (per unit area): fixed while the data are. */
  densityScale: number;
  /** Worker time spent computing these (ms). */
  metricsMs: number;
}

export interface ModeShare {
  x: number;
  y: number;
  dataShare: number;
  sampleShare: number;
  covered: boolean;
}

/** One preset mode's weight three ways, on the Voronoi cells of the mode centres. */
export interface ModeMassShare {
  x: number;
  y: number;
  /** Share of p_θ's mass (grid quadrature), of the data, of the chains. */
  modelMass: number;
  dataShare: number;
  chainShare: number;
}

/** The metrics and the three comparison grids (G×G densities, frame layout). */
export interface MetricsPayload {
  metrics: DensityMetrics;
  modes: ModeShare[];
  /** Per preset mode: model mass vs data vs chains (empty without known centres). */
  modeMass: ModeMassShare[];
  warnings: HealthWarning[];
  /** True only when every health check ran clean (KL near its floor, mode weights, …). */
  healthy: boolean;
  dataKde: Float32Array;
  modelDensity: Float32Array;
  sampleKde: Float32Array;
}

/** A few times per second (throttled in the worker), after the frame it was computed from. */
export interface MetricsMessage extends MetricsPayload {
  type: 'metrics';
  generation: number;
  iteration: number;
  gridSize: number;
}
