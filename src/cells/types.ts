// The one interface every recurrent cell implements. Pure: tfjs-core only, no DOM, no React,
// so the same cell runs in the page, in the training worker and in Node (tests, bench, CLI).
import type { Tensor, Tensor2D, Tensor3D, Variable } from '@tensorflow/tfjs-core';
import type { Rng } from '../engine/rng';

export type OptionValue = number | string | boolean;
export type CellOptions = Record<string, OptionValue>;

/** A cell option the UI shows as a control and the URL stores (e.g. LSTM forget-gate bias). */
export interface OptionSpec {
  key: string;
  label: string;
  kind: 'number' | 'integer' | 'choice' | 'boolean';
  default: OptionValue;
  min?: number;
  max?: number;
  step?: number;
  choices?: readonly string[];
  help?: string;
  /** Chinese label and help; the UI falls back to English for anything missing. */
  zh?: { label?: string; help?: string };
  /** Shown only when the other options make it matter (a variant's own setting). */
  when?: OptionPredicate;
}

/** Everything a cell needs to know about where it sits in the model. */
export interface CellDims {
  inputSize: number;
  hiddenSize: number;
  /** Sequence length of the task, for cells whose rules depend on it (IndRNN bound, FRU phase). */
  seqLen: number;
  /** 0-based layer index in the stack (Dilated RNN uses it for its dilation). */
  layer: number;
  numLayers: number;
  options: CellOptions;
  /** True for the backward direction of a bidirectional layer (it reads time from T−1 down to 0). */
  reverse?: boolean;
}

export type InitFn = (shape: readonly number[], rng: Rng) => Float32Array;

export interface ParamSpec {
  /** PyTorch state_dict name for the classic cells (weight_ih, bias_hh …), without the _l0 suffix. */
  name: string;
  shape: number[];
  /** The shape as a formula in I and H, e.g. "4H × I", for cards and the `cells` CLI. */
  shapeLabel: string;
  init: InitFn;
  /** Human-readable init, e.g. "U(−1/√H, 1/√H)". */
  initLabel: string;
  /** 'recurrent' marks the hidden-to-hidden matrix that singular-value clipping acts on. */
  role: 'input' | 'recurrent' | 'bias' | 'other';
  /**
   * For a 'recurrent' parameter stacked from H × H gate blocks: the blocks that write the
   * candidate (new content), e.g. [2] for the GRU's n and the LSTM's g; [] when none does. Kanai
   * et al. clip only the candidate's W_hh (svClipScope 'candidate'). Absent: the whole matrix.
   */
  candidateBlocks?: number[];
  /**
   * How the recurrent-init control (ρ) reads a 'recurrent' parameter (src/engine/spectral.ts):
   * 'blocks' (default for [kH, H]) rescales each square H × H block to spectral radius ρ; 'leading'
   * (default for [r, c > r], e.g. a Clockwork module's rows of a block-triangular W_H) rescales the
   * row block so its leading r × r block has ρ; a vector is a diagonal recurrence, max |uᵢ| = ρ;
   * 'none' leaves the init as it is (a tap matrix over several delays).
   */
  spectral?: 'blocks' | 'leading' | 'none';
  /** Fixed parameters (a permutation, an identity) still live in the param record. Default true. */
  trainable?: boolean;
}

export interface GateSpec {
  id: string;
  /** TeX symbol, e.g. "f_t"; the equation uses the same id so views and maths share one colour. */
  tex: string;
  label: string;
  /** Value range for the colour scale. */
  range: 'unit' | 'signed' | 'positive' | 'free';
  /** Present only under some options (a variant's own gate); absent means always. */
  when?: OptionPredicate;
}

/**
 * Some options change a cell's maths, not just its sizes (the Dilated RNN on a tanh RNN has no
 * gates; the 1997 LSTM's squashing functions). Gates, states and equation lines that belong to
 * one variant say so with `when`, and every view reads them through `partsFor`.
 */
export type OptionPredicate = (options: CellOptions) => boolean;

export interface StateSpec {
  id: string;
  tex: string;
  label: string;
  size(dims: CellDims): number;
  /** Buffers (lag lines, complex halves) are state but not worth a heatmap. */
  hidden?: boolean;
  range?: GateSpec['range'];
  when?: OptionPredicate;
}

export interface EquationSpec {
  /** The gate or state this line defines, or any id for lines that define neither. */
  id: string;
  tex: string;
  /**
   * What this line reads, for the cell diagram: gate/state ids, 'x' for the input, and
   * `${state}_prev` for a state's previous value (e.g. ['x', 'h_prev'] for a gate).
   */
  uses?: string[];
  when?: OptionPredicate;
}

export interface PaperRef {
  authors: string;
  year: number;
  title: string;
  venue?: string;
  arxiv?: string;
  url?: string;
}

/** The three mechanisms the syllabus sorts long-memory cells by (plus the plain baseline). */
export type Mechanism = 'gates' | 'cross-scale' | 'initialisation' | 'baseline';

/** Shelf on the cell catalogue. */
export type CellGroup = 'classic' | 'lstm-family' | 'gru-family' | 'initialisation' | 'multi-scale' | 'long-memory' | 'tensor' | 'unitary';

/**
 * The run a cell's card announces. Fields it does not name come from the link schema's defaults
 * (src/store/url.ts), never from the page visited before; the seed defaults to 1.
 */
export interface CellPreset {
  taskId: 'copy' | 'adding' | 'select';
  taskOptions?: CellOptions;
  seqLen?: number;
  hiddenSize?: number;
  numLayers?: number;
  bidirectional?: boolean;
  learningRate?: number;
  batchSize?: number;
  recurrentScale?: number;
  clipNorm?: number;
  svClip?: number;
  seed?: number;
  options?: CellOptions;
}

export type Params = Record<string, Tensor>;
export type State = Record<string, Tensor2D>;

export interface StepContext {
  /**
   * 0-based index of the step within this run, in the direction of processing. A cell's maths must
   * not depend on it: a run resumed from a returned state starts it at 0 again. A cell whose rule
   * reads absolute time keeps its own counter in its state (CLOCK_STATE in common.ts).
   */
  t: number;
  dims: CellDims;
}

export interface StepResult {
  state: State;
  /** Every gate / internal activation the views show, each [B, H] (or [B, k] for odd ones). */
  gates: Record<string, Tensor2D>;
}

/**
 * What the page knows about a cell before tfjs loads: its text, maths, options, states and
 * parameter shapes. Each cell's info lives in src/cells/info/<id>.ts, which imports no tfjs at
 * run time, so a lesson's equations draw without waiting for it; the cell's CellSpec
 * (src/cells/<id>.ts) spreads its info and adds the tensor code.
 */
export interface CellInfo {
  id: string;
  name: string;
  paper: PaperRef;
  mechanisms: Mechanism[];
  group?: CellGroup;
  /** One-paragraph summary for cards: which problem it attacks and how. */
  summary: string;
  /** Where each equation was taken from (paper section, authors' code) and the conventions chosen. */
  notes?: string;
  /** Chinese card text; the UI falls back to English for anything missing. */
  zh?: { name?: string; summary?: string; notes?: string; gateLabels?: Record<string, string> };
  /** What the cell's card trains by default: a task it is known to learn, and sizes that run live. */
  preset?: CellPreset;
  options: OptionSpec[];
  gates: GateSpec[];
  states: StateSpec[];
  equations: EquationSpec[];
  /** Key of the state whose gradient ∂L/∂h_t the views plot. Default 'h'. */
  hiddenKey?: string;
  params(dims: CellDims): ParamSpec[];
  /** Size of what the layer emits per step (the next layer's input). */
  outputSize(dims: CellDims): number;
  /**
   * What the tensor code offers that the page's views and estimates read ahead of it: the spec's
   * `diagnostics` and `fusedSequence` (a unit test keeps these in step with the spec).
   */
  traits?: { diagnostics?: true; fusedSequence?: true };
}

/** A cell: its info (above) and the tensor code that runs it (tfjs-core). */
export interface CellSpec extends CellInfo {
  /**
   * Zero state unless the cell says otherwise (uRNN learns h0). The state is complete: running a
   * sequence in two parts, the second from the first's final state, gives what one run gives (a
   * clock, the last inputs or outputs, whatever the step reads besides x_t is in it).
   */
  initialState(dims: CellDims, batch: number, p: Params): State;
  /**
   * Tensors derived from the parameters once per sequence (transposed weights, a clipped
   * vector …), merged into `p` before `project` and `step` see it. Gradients flow through them.
   */
  prepare?(p: Params, dims: CellDims): Params;
  /**
   * Work done on the whole input sequence before the recurrence, e.g. x W_ihᵀ + b_ih for every
   * timestep in one matmul. xs is [T, B, I]; the result [T, B, K] is sliced per step into `xt`.
   * `state` is the state the run starts from (absent: the initial state): a projection that reads
   * past inputs (QRNN's convolution window) takes the ones before xs[0] from it.
   * Omitted: xt is the raw input.
   */
  project?(xs: Tensor3D, p: Params, dims: CellDims, state?: State): Tensor3D;
  step(xt: Tensor2D, state: State, p: Params, ctx: StepContext): StepResult;
  /**
   * Optional: the same step in fewer, fatter kernels (src/cells/fused: one kernel for the whole
   * element-wise part, one for its gradient; matmuls stay tfjs ops). It returns null when the
   * active backend has no such kernel (or fused steps are switched off), and the layer loop
   * (src/engine/unroll.ts) then runs `step`, which stays the reference: same values to float32
   * rounding, same state and gate keys. Callers that differentiate a single step twice or read it
   * as the definition (the Jacobian instruments) call `step` directly.
   */
  fusedStep?(xt: Tensor2D, state: State, p: Params, ctx: StepContext): StepResult | null;
  /**
   * Optional: the whole recurrence of one layer and direction as one kernel with one gradient
   * kernel (src/cells/fused/sequence.ts), for the training hot path. `xs` [T, B, I]; `probe`
   * [T, B, H], original time order, is added to h_t after each step (as the layer loop does).
   * Returns every emitted output [T, B, O] (original time order) and the final state, or null
   * when the active backend has no such kernel: the layer loop then steps as usual. Not used when
   * traces are recorded (it keeps no gates for the views). Same values as stepping to float32
   * rounding.
   */
  fusedSequence?(xs: Tensor3D, state: State, p: Params, dims: CellDims, opts: { reverse: boolean; probe?: Tensor3D }): { outputs: Tensor3D; final: State } | null;
  /** What the layer emits from the state after a step. Omitted: state[hiddenKey]. */
  emit?(state: State, p: Params, dims: CellDims): Tensor2D;
  /**
   * Extra numbers the cell's card plots while it trains (uRNN: max |σ_i − 1| of W). Called at
   * snapshot time only, on the top layer's forward-direction parameters; may read tensors back.
   */
  diagnostics?(p: Params, dims: CellDims): Promise<Record<string, number>>;
  /** Projection of parameters back onto their constraint set after every update (IndRNN's |u| bound). */
  constrain?(p: Record<string, Variable>, dims: CellDims): void;
}

export function hiddenKeyOf(cell: CellSpec): string {
  return cell.hiddenKey ?? 'h';
}

export function paramCount(specs: ParamSpec[], trainableOnly = true): number {
  return specs
    .filter((s) => !trainableOnly || s.trainable !== false)
    .reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0);
}

/** Each option's value, its default where the given record has none (or an unknown choice). */
export function withDefaults(specs: readonly OptionSpec[], options: CellOptions = {}): CellOptions {
  return Object.fromEntries(specs.map((o) => {
    const v = options[o.key];
    const valid = v !== undefined && (o.kind !== 'choice' || !o.choices || o.choices.includes(String(v)));
    return [o.key, valid ? v : o.default];
  }));
}

export interface CellParts {
  gates: GateSpec[];
  states: StateSpec[];
  equations: EquationSpec[];
}

/** The states a cell carries under the given options: what initialState returns and step keeps. */
export function statesFor(cell: Pick<CellSpec, 'options' | 'states'>, options?: CellOptions): StateSpec[] {
  const o = withDefaults(cell.options, options);
  return cell.states.filter((s) => !s.when || s.when(o));
}

/** The gates, states and equation lines of a cell under the given options (defaults filled in). */
export function partsFor<C extends CellParts & { options: readonly OptionSpec[] }>(cell: C, options?: CellOptions): CellParts {
  const o = withDefaults(cell.options, options);
  const keep = <S extends { when?: OptionPredicate }>(xs: S[]) => xs.filter((x) => !x.when || x.when(o));
  return { gates: keep(cell.gates), states: keep(cell.states), equations: keep(cell.equations) };
}
