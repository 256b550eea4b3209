// What the instruments measure, as plain data: the worker computes it, telemetry carries it, the
// views draw it. Numbers are plain arrays (small: H ≤ 128, T ≤ 500), so a snapshot clones cheaply.
// Non-finite values are kept as they are (0 for underflow, Infinity for overflow, NaN): the views
// draw them as markers instead of dropping them.

/** One matrix's spectrum: eigenvalues where it is square, singular values always. */
export interface MatrixSpectrum {
  /** Stable id for the view's switch: 'whh' for a plain W_hh, the gate id of a block ('i', 'f', 'z' …), 'diag', 'built'. */
  id: string;
  /** What the matrix is, for the page (maths in $…$), e.g. '$W_{hf}$ (forget gate block)'. */
  label: string;
  /** [re, im] pairs; null when the matrix is not square. */
  eigenvalues: [number, number][] | null;
  /** Descending. */
  singularValues: number[];
  /** ρ = max |λ| (null without eigenvalues) and σ_max. */
  radius: number | null;
  sigmaMax: number;
}

export interface NotePart {
  key: 'urnn' | 'qrnn' | 'noMatrix' | 'diagonal' | 'leading' | 'delays';
  vars?: Record<string, string | number>;
}

/** The recurrent weights' spectra (first layer, forward direction). */
export interface RecurrentSpectra {
  blocks: MatrixSpectrum[];
  /** Why there is nothing (or only a stand-in) to show, e.g. 'QRNN has no recurrent matrix: its gates read only x'. */
  note?: string;
  /** The same note as i18n keys (`instr.note.*`) with their values, so the page can say it in the reader's language. */
  noteParts?: NotePart[];
}

/**
 * Jacobians through time on the probe sequence (first layer, forward direction, batch item 0),
 * h_0 the initial state and h_t the state after input x_t (1-based, as in the equations).
 */
export interface JacobianProfile {
  T: number;
  /** ‖∂h_T/∂h_t‖ for t = 0..T (length T+1; entry T is the identity's norm). */
  hSpectral: number[];
  hFro: number[];
  /** ‖∂h_T/∂x_t‖ for t = 1..T at index t−1 (length T). */
  xSpectral: number[];
  xFro: number[];
  /** The one-step Jacobian ∂h_t/∂h_{t−1} for t = 1..T at index t−1: spectral radius and σ_max. */
  stepRadius: number[];
  stepSigmaMax: number[];
  /** Eigenvalues of the one-step Jacobian at the chosen t (1-based). */
  stepEigenvalues?: { t: number; eigenvalues: [number, number][] };
}

/** A gate's activations over the probe sequence (all units, all steps). */
export interface GateHistogram {
  id: string;
  /** Bin edges span [lo, hi] in `counts.length` equal bins. */
  lo: number;
  hi: number;
  counts: number[];
  /** Fractions of all activations below 0.1 and above 0.9 (for gates in [0, 1]). */
  below: number;
  above: number;
}

/** A curve y(lag) fitted as exponential (log y linear in lag) and as a power law (log y linear in log lag). */
export interface LongMemoryFit {
  /** y ≈ a·exp(−lag/τ): rate = 1/τ per step (the log-linear slope, negated). */
  exponential: { rate: number; intercept: number; r2: number };
  /** y ≈ a·lag^(−p). */
  powerLaw: { exponent: number; intercept: number; r2: number };
  verdict: 'exponential' | 'power-law' | 'undecided' | 'too-short';
  /** Lags used (finite, positive values only). */
  lags: number[];
}

/** Per training step: the gradient's global norm before and after clipping. */
export interface ClipPoint {
  step: number;
  raw: number;
  clipped: number;
  /** σ_max of the recurrent blocks before and after singular-value clipping (when it is on). */
  svBefore?: number;
  svAfter?: number;
}

/** Everything the instrument views need, computed in the worker when the page has them open. */
export interface InstrumentSnapshot {
  step: number;
  spectra: RecurrentSpectra;
  jacobians: JacobianProfile | null;
  gates: GateHistogram[];
  /** Fit of jacobians.xSpectral against lag T − t. */
  memory: LongMemoryFit | null;
  /**
   * True when jacobians and memory are null only because they are still being computed: the
   * worker answers a pause, step, configure or opening at once with the spectra and histograms,
   * and a second snapshot of the same step brings the Jacobians (unless something changed first).
   */
  jacobiansPending?: boolean;
  /**
   * The step `jacobians` and `memory` were computed at, present when they were carried over from
   * an earlier snapshot (with jacobiansPending) rather than left null. While
   * training at sizes where the Jacobians take over ~1.5 s, the worker computes them only when the
   * run stops (pause, step), so they do not hold up the loop and its messages.
   */
  jacobiansStep?: number;
}
