// Plain metadata about cells and tasks for the page. It reads each cell's info (src/cells/info),
// never the cell registry, whose tensor code imports tfjs: the catalogue chunk carries no tfjs,
// so a lesson's equations draw as soon as it arrives, while tfjs loads in the training worker.
import { partsFor } from '../cells/types';
import type { CellInfo, CellOptions, EquationSpec, GateSpec, OptionSpec, StateSpec, ParamSpec, CellDims, PaperRef, Mechanism, CellGroup, CellPreset } from '../cells/types';

export interface CellMeta {
  id: string;
  name: string;
  summary: string;
  paper: PaperRef;
  mechanisms: Mechanism[];
  group: CellGroup;
  notes?: string;
  zh?: CellInfo['zh'];
  preset?: CellPreset;
  /** The cell reports extra numbers while it trains (telemetry.diagnostics). */
  hasDiagnostics: boolean;
  /** Whole-sequence kernels run it on WASM and CPU (the memory and time estimate reads this). */
  fusedSequence?: boolean;
  options: OptionSpec[];
  gates: GateSpec[];
  /** Visible states only (buffers marked hidden are left out). */
  states: StateSpec[];
  /** Every state, hidden buffers included (the memory estimate counts them; src/engine/workload.ts). */
  allStates?: StateSpec[];
  equations: EquationSpec[];
  hiddenKey: string;
  params(dims: CellDims): ParamSpec[];
  outputSize(dims: CellDims): number;
}

export interface TaskMeta {
  id: string;
  name: string;
  description?: string;
  /** Sizes under the default options. */
  inputSize?: number;
  outputSize?: number;
  /** The task's own settings (copy: symbols, alphabet …), shown as controls and kept in the link. */
  options?: OptionSpec[];
  /** Sizes under given options (the alphabet sets the copy task's input size). */
  sizes?(options: CellOptions): { inputSize?: number; outputSize?: number };
  /** 'regress' (MSE) or 'classify' (cross-entropy), under the default options. */
  kind?: 'regress' | 'classify';
  /** A regression's accuracy counts answers within ±tolerance of the target (adding: 0.04). */
  tolerance?: number;
  /** The loss of the best input-independent predictor (the charts' dashed line), if the task states it. */
  baseline?(options: CellOptions, seqLen: number): number;
}

/** A task's baseline loss under the chosen options and seqLen, or null when it states none. */
export function taskBaseline(meta: TaskMeta | undefined, options: CellOptions | undefined, seqLen: number): number | null {
  const v = meta?.baseline?.(options ?? {}, seqLen);
  return typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : null;
}

/** A task's input and output sizes under the chosen options, falling back to the defaults'. */
export function taskSizes(meta: TaskMeta | undefined, options?: CellOptions): { inputSize: number; outputSize: number } {
  const s = meta?.sizes?.(options ?? {}) ?? {};
  return { inputSize: s.inputSize ?? meta?.inputSize ?? 1, outputSize: s.outputSize ?? meta?.outputSize ?? 1 };
}

export interface Catalog {
  cells: CellMeta[];
  tasks: TaskMeta[];
}

export function cellMeta(c: CellInfo): CellMeta {
  return {
    id: c.id,
    name: c.name,
    summary: c.summary,
    paper: c.paper,
    mechanisms: c.mechanisms,
    // The skeleton's RNN, LSTM and GRU name no shelf: they are the classic trio.
    group: c.group ?? 'classic',
    notes: c.notes,
    zh: c.zh,
    preset: c.preset,
    hasDiagnostics: !!c.traits?.diagnostics,
    fusedSequence: c.traits?.fusedSequence,
    options: c.options,
    gates: c.gates,
    states: c.states.filter((s) => !s.hidden),
    allStates: c.states,
    equations: c.equations,
    hiddenKey: c.hiddenKey ?? 'h',
    params: (d) => c.params(d),
    outputSize: (d) => c.outputSize(d),
  };
}

/**
 * The meta with only the gates, states and equation lines of the chosen variant (see
 * `partsFor`): what every view of one configured cell shows.
 */
export function metaFor(meta: CellMeta, options?: CellOptions): CellMeta {
  return { ...meta, ...partsFor(meta, options) };
}

/** Used until the task registry answers (or if it exports nothing we recognise). */
export const FALLBACK_TASKS: TaskMeta[] = [
  { id: 'copy', name: 'Copy' },
  { id: 'adding', name: 'Adding' },
  { id: 'select', name: 'Selective copy' },
];

type Loose = Record<string, unknown>;

/** Task specs know their sizes only once created; the card's parameter table needs I. */
function sizesOf(t: Loose, options: CellOptions = {}): { inputSize?: number; outputSize?: number; kind?: TaskMeta['kind']; tolerance?: number } {
  if (typeof t.inputSize === 'number' || typeof t.create !== 'function') return {};
  try {
    const task = (t.create as (o: object) => Loose)(options);
    return {
      inputSize: typeof task.inputSize === 'number' ? task.inputSize : undefined,
      outputSize: typeof task.outputSize === 'number' ? task.outputSize : undefined,
      kind: task.kind === 'regress' || task.kind === 'classify' ? task.kind : undefined,
      tolerance: typeof task.tolerance === 'number' ? task.tolerance : undefined,
    };
  } catch {
    return {};
  }
}

/** The task registry is written elsewhere; accept a list or a record of task-like objects. */
export function readTasks(mod: Loose | undefined): TaskMeta[] {
  if (!mod) return FALLBACK_TASKS;
  const candidates = [mod.taskList, mod.tasks, mod.TASKS, mod.taskMeta, mod.default];
  for (const c of candidates) {
    const arr = Array.isArray(c) ? c : c && typeof c === 'object' ? Object.values(c as Loose) : null;
    const tasks = (arr ?? [])
      .filter((t): t is Loose => !!t && typeof t === 'object' && typeof (t as Loose).id === 'string')
      .map((t) => ({
        id: t.id as string,
        name: typeof t.name === 'string' ? t.name : (t.id as string),
        description: typeof t.description === 'string' ? t.description : typeof t.summary === 'string' ? t.summary : undefined,
        inputSize: typeof t.inputSize === 'number' ? t.inputSize : undefined,
        outputSize: typeof t.outputSize === 'number' ? t.outputSize : undefined,
        ...sizesOf(t),
        options: Array.isArray(t.options) ? (t.options as OptionSpec[]) : [],
        sizes: (o: CellOptions) => sizesOf(t, o),
        baseline: typeof t.baseline === 'function' ? (o: CellOptions, T: number) => (t.baseline as (o: CellOptions, T: number) => number)(o, T) : undefined,
      }));
    if (tasks.length) return tasks;
  }
  return FALLBACK_TASKS;
}

// import.meta.glob tolerates a registry that does not exist yet (it yields no entry).
const taskModules = import.meta.glob('../engine/tasks/registry.ts');

export async function loadCatalog(): Promise<Catalog> {
  // Both chunks at once: the cells' info and the tasks (one round trip, not two).
  const loadTasks = Object.values(taskModules)[0];
  const [cellsMod, tasksMod] = await Promise.all([
    import('../cells/info'),
    loadTasks ? (loadTasks() as Promise<Loose>).catch(() => undefined) : undefined,
  ]);
  return { cells: cellsMod.cellInfoList.map(cellMeta), tasks: readTasks(tasksMod) };
}
