// The worker's instrument snapshot: what the instrument views draw, computed on the probe sequence
// for the first layer, forward direction, batch item 0 (the probe is a batch of one).
// - spectra: each square gate block of the layer's recurrent weights (laid out as spectral.ts reads
//   them for the ρ control), labelled by its gate; a vector recurrence (IndRNN's u) as the diagonal
//   it is; uRNN's W built from its unitary factors; a note where a cell has no square matrix;
// - jacobians: through time (jacobians.ts, when it is there), and the long-memory fit of
//   ‖∂h_T/∂x_t‖ against lag T − t (memory-fit.ts);
// - gate histograms from the probe traces the trainer's telemetry already read (no extra pass).
// Plain JS numbers out; every tensor made here is disposed here.
import { partsFor, type CellSpec, type GateSpec, type Params } from '../../cells/types';
import { unitaryMatrix } from '../../cells/urnn';
import type { ProbeTrace } from '../../protocol/messages';
import { layerDims, paramName, type StackConfig } from '../stack';
import { spectralLayout } from '../spectral';
import { matrixSpectrum } from './matrix-spectrum';
import { fitInfluence } from './memory-fit';
import type { JacobianArgs } from './jacobians';
import type { GateHistogram, InstrumentSnapshot, JacobianProfile, MatrixSpectrum, NotePart, RecurrentSpectra } from './types';

export const HISTOGRAM_BINS = 20;

/** The Jacobian profile of one layer on one sequence (jacobians.ts's jacobianProfile). */
export type JacobianFn = (args: JacobianArgs) => Promise<JacobianProfile>;

const GAVE_UP = Symbol('gave up');

/**
 * `work`, or GAVE_UP as soon as `interrupted()` says so (polled every 15 ms). jacobianProfile
 * yields to the event loop every ~40 ms of its JS part, which is when a message can arrive and be
 * counted; the abandoned computation finishes in the background and its result is dropped (it
 * reads its inputs before its first yield and owns every tensor it makes).
 */
function unlessInterrupted<T>(work: Promise<T>, interrupted: () => boolean): Promise<T | typeof GAVE_UP> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (!interrupted()) return;
      clearInterval(timer);
      resolve(GAVE_UP);
    }, 15);
    work.then(
      (v) => {
        clearInterval(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearInterval(timer);
        reject(e);
      },
    );
  });
}

/** A diagonal recurrence diag(u): eigenvalues uᵢ, singular values |uᵢ|. */
function diagonalSpectrum(u: ArrayLike<number>, id: string, label: string): MatrixSpectrum {
  const eig = Array.from(u, (x) => [x, 0] as [number, number]);
  const sv = Array.from(u, Math.abs).sort((a, b) => b - a);
  return { id, label, eigenvalues: eig, singularValues: sv, radius: sv[0] ?? 0, sigmaMax: sv[0] ?? 0 };
}

/** '$W_{hf}$ (forget gate block)' from a gate 'f_t' labelled 'forget gate'. */
function gateBlockLabel(g: GateSpec): string {
  const sub = g.tex.replace(/_t$/, '').replace(/_\{t\}$/, '');
  return `$W_{h${sub}}$ (${g.label} block)`;
}

function rowBlock(values: ArrayLike<number>, cols: number, row0: number, rows: number, width: number): Float64Array {
  const out = new Float64Array(rows * width);
  for (let i = 0; i < rows; i++) for (let j = 0; j < width; j++) out[i * width + j] = values[(row0 + i) * cols + j];
  return out;
}

/** The recurrent weights of layer 0, forward direction: what they are, block by block. */
export async function recurrentSpectra(stack: StackConfig, params: Params): Promise<RecurrentSpectra> {
  const { cell } = stack;
  const dims = layerDims(stack, 0);
  const gates = partsFor(cell, stack.options).gates;
  const specs = cell.params(dims).filter((s) => s.role === 'recurrent');
  const blocks: MatrixSpectrum[] = [];
  const notes: string[] = [];
  const parts: NotePart[] = [];
  if (cell.id === 'urnn') {
    const local: Params = {};
    for (const s of cell.params(dims)) local[s.name] = params[paramName(s.name, 0, false)];
    const w = unitaryMatrix(local, dims.hiddenSize);
    const data = await w.data();
    w.dispose();
    const n = 2 * dims.hiddenSize;
    blocks.push(matrixSpectrum(data, n, n, 'built', '$W = D_3 R_2 \\mathcal{F}^{-1} D_2 \\Pi R_1 \\mathcal{F} D_1$ (built)'));
    return {
      blocks,
      noteParts: [{ key: 'urnn' }],
      note: 'The uRNN has no $W_{hh}$ parameter: $W$ is a product of unitary factors (phases, reflections, a permutation, the Fourier transform). Shown is the built $W$ as a real $2H \\times 2H$ matrix acting on $[\\operatorname{Re} h; \\operatorname{Im} h]$, so each complex eigenvalue appears with its conjugate; all of them lie on the unit circle by construction.',
    };
  }
  if (specs.length === 0) {
    const note = cell.id === 'qrnn'
      ? 'QRNN has no recurrent weight matrix: its gates read only the inputs (convolutions over a short window of $x$), and the state is carried by fo-pooling, $c_t = f_t \\odot c_{t-1} + (1 - f_t) \\odot z_t$, an elementwise recurrence whose factor per step is the forget gate itself (see its histogram).'
      : `${cell.name} has no parameter that is a recurrent weight matrix: $h_{t-1}$ reaches $h_t$ only through its gates and states, so there is no $W_{hh}$ spectrum to show; the one-step Jacobian $\\partial h_t / \\partial h_{t-1}$ is what carries the state.`;
    return { blocks, note, noteParts: [cell.id === 'qrnn' ? { key: 'qrnn' } : { key: 'noMatrix', vars: { cellName: cell.name, cellNameZh: cell.zh?.name ?? cell.name } }] };
  }
  for (const spec of specs) {
    const v = params[paramName(spec.name, 0, false)];
    if (!v) continue;
    const values = await v.data();
    const layout = spectralLayout(spec);
    const several = specs.length > 1;
    const base = several ? spec.name : 'whh';
    if (layout.kind === 'diagonal') {
      blocks.push(diagonalSpectrum(values, several ? `${spec.name}:diag` : 'diag', `$\\mathrm{diag}(${spec.name})$`));
      parts.push({ key: 'diagonal', vars: { cellName: cell.name, cellNameZh: cell.zh?.name ?? cell.name, vec: spec.name } });
      notes.push(`${cell.name} has no square recurrent matrix: each unit feeds back only itself through the vector $${spec.name}$, so the recurrence is $\\mathrm{diag}(${spec.name})$ and its eigenvalues are the entries $${spec.name}_i$ themselves.`);
    } else if (layout.kind === 'blocks') {
      // Gate-stacked in the cell's gate order (PyTorch's layout; such a weight marks its candidate
      // block); otherwise (fTRU's powers of h, CIFG's three blocks for four gates) just numbered.
      const byGate = layout.count > 1 && layout.count === gates.length && spec.candidateBlocks !== undefined;
      for (let b = 0; b < layout.count; b++) {
        const blk = rowBlock(values, layout.cols, b * layout.n, layout.n, layout.n);
        const id = layout.count === 1 ? base : byGate ? (several ? `${spec.name}:${gates[b].id}` : gates[b].id) : `${base}:${b}`;
        const label = layout.count === 1
          ? (spec.name === 'weight_hh' ? '$W_{hh}$' : `\`${spec.name}\``)
          : byGate ? gateBlockLabel(gates[b])
            : `block ${b + 1} of \`${spec.name}\`${spec.candidateBlocks?.includes(b) ? ' (candidate)' : ''}`;
        blocks.push(matrixSpectrum(blk, layout.n, layout.n, id, label));
      }
    } else if (layout.kind === 'leading') {
      const [r, c] = spec.shape;
      blocks.push(matrixSpectrum(rowBlock(values, c, 0, r, r), r, r, `${base}:lead`, `leading $${r} \\times ${r}$ block of \`${spec.name}\``));
      parts.push({ key: 'leading', vars: { pname: spec.name, rows: r, cols: c } });
      notes.push(`\`${spec.name}\` is ${r} × ${c}, not square: eigenvalues are of its leading square block, as the $\\rho$ control reads it.`);
    } else {
      const [r, c] = spec.shape.length === 2 ? spec.shape : [1, spec.shape[0]];
      blocks.push(matrixSpectrum(values, r, c, base, `\`${spec.name}\``));
      parts.push({ key: 'delays', vars: { pname: spec.name, rows: r, cols: c } });
      notes.push(`\`${spec.name}\` is ${r} × ${c}, not a square recurrence (it mixes several delays), so it has singular values but no eigenvalues.`);
    }
  }
  return notes.length ? { blocks, note: notes.join(' '), noteParts: parts } : { blocks };
}

/** A gate's activations as a histogram over its range, with the fractions below 0.1 and above 0.9. */
export function gateHistogram(id: string, data: ArrayLike<number>, range: GateSpec['range'], bins = HISTOGRAM_BINS): GateHistogram {
  let lo: number;
  let hi: number;
  if (range === 'unit') [lo, hi] = [0, 1];
  else if (range === 'signed') [lo, hi] = [-1, 1];
  else {
    lo = Infinity;
    hi = -Infinity;
    for (let i = 0; i < data.length; i++) {
      const x = data[i];
      if (!Number.isFinite(x)) continue;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    if (!(lo <= hi)) [lo, hi] = [0, 1];
    if (range === 'positive') lo = Math.min(lo, 0);
    if (hi - lo < 1e-9) hi = lo + 1;
  }
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  let n = 0;
  const w = (hi - lo) / bins;
  for (let i = 0; i < data.length; i++) {
    const x = data[i];
    if (Number.isNaN(x)) continue;
    n++;
    if (x < 0.1) below++;
    if (x > 0.9) above++;
    const k = Math.min(bins - 1, Math.max(0, Math.floor((x - lo) / w)));
    counts[k]++;
  }
  return { id, lo, hi, counts, below: n ? below / n : 0, above: n ? above / n : 0 };
}

/** Histograms of every gate the variant has, from layer 0's forward trace of the probe. */
export function gateHistograms(cell: CellSpec, options: StackConfig['options'], trace: ProbeTrace | undefined): GateHistogram[] {
  if (!trace) return [];
  return partsFor(cell, options).gates
    .filter((g) => trace.series[g.id])
    .map((g) => gateHistogram(g.id, trace.series[g.id].data, g.range));
}

export interface SnapshotInputs {
  step: number;
  stack: StackConfig;
  params: Params;
  /** The probe's inputs, [T][I] flattened (batch of one). */
  probeX: Float32Array;
  T: number;
  /** Layer 0, forward direction, from the telemetry's probe. */
  trace: ProbeTrace | undefined;
  stepEigAt?: number;
  /** jacobians.ts's jacobianProfile; absent: jacobians and memory stay null. */
  jacobians?: JacobianFn | null;
  /** Asked between the parts: true gives up (null), e.g. because a pause is waiting. */
  interrupted?: () => boolean;
  /** Spectra and histograms only; the Jacobians follow in another snapshot (jacobiansPending). */
  light?: boolean;
}

/** Everything the instrument views need, as plain data; null when `interrupted` said to give up. */
export async function instrumentSnapshot(inp: SnapshotInputs): Promise<InstrumentSnapshot | null> {
  const { stack, params, T } = inp;
  const stop = inp.interrupted ?? (() => false);
  const spectra = await recurrentSpectra(stack, params);
  if (stop()) return null;
  const gates = gateHistograms(stack.cell, stack.options, inp.trace);
  let jacobians: JacobianProfile | null = null;
  if (inp.jacobians && inp.light) return { step: inp.step, spectra, jacobians: null, gates, memory: null, jacobiansPending: true };
  if (inp.jacobians) {
    const dims = layerDims(stack, 0);
    const I = dims.inputSize;
    const local: Params = {};
    for (const s of stack.cell.params(dims)) local[s.name] = params[paramName(s.name, 0, false)];
    // Plain numbers, not tensors: nothing here to dispose if the computation is abandoned.
    const xs = Array.from({ length: T }, (_, t) => Array.from(inp.probeX.subarray(t * I, (t + 1) * I)));
    const work = inp.jacobians({ cell: stack.cell, params: local, dims, options: stack.options, xs, stepEigAt: inp.stepEigAt });
    const got = inp.interrupted ? await unlessInterrupted(work, inp.interrupted) : await work;
    if (got === GAVE_UP) {
      work.catch(() => {}); // finishes unobserved
      return null;
    }
    jacobians = got;
  }
  if (stop()) return null;
  const memory = jacobians ? fitInfluence(jacobians.xSpectral) : null;
  return { step: inp.step, spectra, jacobians, gates, memory };
}
