// A run's telemetry as CSV and JSON (pure: no DOM, no store). One row per logged training step:
// loss, accuracy, the global gradient norm raw and after clipping (the worker reports both for
// every step), and ‖∂L/∂h_t‖ per timestep t where the page received a snapshot at that step (the
// worker sends one about every 100 ms, so most steps have none: those cells stay empty).

export interface LoggedPoint {
  step: number;
  loss: number;
  accuracy: number;
}

export interface ClipLogPoint {
  step: number;
  raw: number;
  clipped: number;
}

/** ‖∂L/∂h_t‖ for t = 0…T−1 as the page received it at `step`, with the global norm then. */
export interface GradNormSnapshot {
  step: number;
  norms: ArrayLike<number>;
  total?: number;
}

export interface RunTelemetry {
  cellId: string;
  history: LoggedPoint[];
  clip: ClipLogPoint[];
  gradNorms: GradNormSnapshot[];
}

export const CSV_BASE_COLUMNS = ['step', 'loss', 'accuracy', 'grad_norm', 'grad_norm_clipped'] as const;

/** 7 significant digits (the worker's numbers are float32), shortest form; NaN/Inf spelled out, null empty. */
export function fmtNumber(v: number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Inf';
  if (v === -Infinity) return '-Inf';
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  return String(Number(v.toPrecision(7)));
}

/** RFC 4180: a field with a comma, quote, CR or LF is quoted, quotes doubled. */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface Row {
  step: number;
  loss: number;
  accuracy: number;
  gradNorm: number | null;
  gradNormClipped: number | null;
  gradNormsT: number[] | null;
}

/** One row per logged step of a run, the clip points and snapshots joined on the step. */
export function rowsOf(run: RunTelemetry): Row[] {
  const clip = new Map(run.clip.map((c) => [c.step, c]));
  const snaps = new Map(run.gradNorms.map((g) => [g.step, g]));
  return run.history.map((p) => {
    const c = clip.get(p.step);
    const g = snaps.get(p.step);
    return {
      step: p.step,
      loss: p.loss,
      accuracy: p.accuracy,
      gradNorm: c ? c.raw : g?.total ?? null,
      gradNormClipped: c ? c.clipped : null,
      gradNormsT: g ? Array.from(g.norms) : null,
    };
  });
}

/** Longest ‖∂L/∂h_t‖ profile among the runs: the number of grad_h_t columns. */
function profileLength(runs: RunTelemetry[]): number {
  let n = 0;
  for (const r of runs) for (const g of r.gradNorms) n = Math.max(n, g.norms.length);
  return n;
}

/**
 * CSV, header first, one row per logged step (per run: with several runs, a leading `cell` column,
 * long format). Columns: [cell,] step, loss, accuracy, grad_norm, grad_norm_clipped,
 * grad_h_t0 … grad_h_t{T−1}. Lines end with \n.
 */
export function telemetryCsv(runs: RunTelemetry[], opts: { cellColumn?: boolean } = {}): string {
  const cellColumn = opts.cellColumn ?? runs.length > 1;
  const T = profileLength(runs);
  const header = [...(cellColumn ? ['cell'] : []), ...CSV_BASE_COLUMNS, ...Array.from({ length: T }, (_, t) => `grad_h_t${t}`)];
  const lines = [header.join(',')];
  for (const run of runs) {
    for (const r of rowsOf(run)) {
      const cells = [
        ...(cellColumn ? [csvField(run.cellId)] : []),
        fmtNumber(r.step),
        fmtNumber(r.loss),
        fmtNumber(r.accuracy),
        fmtNumber(r.gradNorm),
        fmtNumber(r.gradNormClipped),
        ...Array.from({ length: T }, (_, t) => fmtNumber(r.gradNormsT?.[t])),
      ];
      lines.push(cells.join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

export interface TelemetryJsonMeta {
  /** The run's link (every setting of the run is in it). */
  link: string;
  /** The run's config as the store holds it. */
  config: unknown;
  page?: string;
  backend?: string | null;
}

const finiteOrNull = (v: number | null | undefined): number | null => (v === null || v === undefined || !Number.isFinite(v) ? null : Number(v.toPrecision(7)));

/**
 * JSON: `{ format: "rnn-atlas-telemetry", version: 1, link, config, page?, backend?, runs: [{ cell,
 * points: [{ step, loss, accuracy, gradNorm, gradNormClipped, gradNormsT }] }] }`; a non-finite
 * number is `null` (JSON has no NaN), `gradNormsT` is null where no snapshot came at that step.
 */
export function telemetryJson(runs: RunTelemetry[], meta: TelemetryJsonMeta): string {
  const out = {
    format: 'rnn-atlas-telemetry',
    version: 1,
    link: meta.link,
    config: meta.config,
    ...(meta.page ? { page: meta.page } : {}),
    ...(meta.backend !== undefined ? { backend: meta.backend } : {}),
    runs: runs.map((run) => ({
      cell: run.cellId,
      points: rowsOf(run).map((r) => ({
        step: r.step,
        loss: finiteOrNull(r.loss),
        accuracy: finiteOrNull(r.accuracy),
        gradNorm: finiteOrNull(r.gradNorm),
        gradNormClipped: finiteOrNull(r.gradNormClipped),
        gradNormsT: r.gradNormsT ? r.gradNormsT.map(finiteOrNull) : null,
      })),
    })),
  };
  return `${JSON.stringify(out, null, 1)}\n`;
}

/**
 * The ‖∂L/∂h_t‖ snapshots the page received, per run slot (the store keeps only the latest): added
 * as telemetry arrives, cleared when the run restarts, at most `max` per slot (oldest dropped).
 */
export class GradNormLog {
  private slots = new Map<number, GradNormSnapshot[]>();
  constructor(private readonly max = 3000) {}

  add(slot: number, snap: GradNormSnapshot): void {
    const list = this.slots.get(slot) ?? [];
    const last = list[list.length - 1];
    // A later snapshot of the same step (a pause re-reports it) replaces the earlier one.
    if (last && last.step === snap.step) list[list.length - 1] = snap;
    else if (last && snap.step < last.step) list.splice(0, list.length, snap); // a new run
    else list.push(snap);
    if (list.length > this.max) list.splice(0, list.length - this.max);
    this.slots.set(slot, list);
  }

  clear(slot?: number): void {
    if (slot === undefined) this.slots.clear();
    else this.slots.delete(slot);
  }

  get(slot: number): GradNormSnapshot[] {
    return this.slots.get(slot)?.slice() ?? [];
  }
}
