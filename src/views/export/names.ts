// File names for exported figures and data: they say what they show (cell, task, step, chart),
// e.g. `rnn-atlas_lstm_copy_step-350_gradnorm.svg`. Every part is reduced to [a-z0-9.-] so the
// name is safe on every file system and in a URL.

export interface FileNameParts {
  /** The cell id, or several joined (Compare: `lstm-vs-gru`). */
  cell?: string | string[];
  task?: string;
  step?: number;
  /** What the file shows: `gradnorm`, `loss`, `heatmaps`, `telemetry` … */
  chart: string;
  /** Extra parts (the what-if page's matrix and ρ). */
  extra?: string[];
  ext: 'svg' | 'png' | 'csv' | 'json';
}

/** Lower-case, anything outside [a-z0-9.] becomes '-', runs of '-' collapse, no leading/trailing '-' or '.'. */
export function slug(part: string): string {
  return part
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60);
}

export function fileName(p: FileNameParts): string {
  const cells = p.cell === undefined ? [] : Array.isArray(p.cell) ? p.cell : [p.cell];
  const parts = ['rnn-atlas'];
  const cell = cells.map(slug).filter(Boolean).join('-vs-');
  if (cell) parts.push(cell);
  if (p.task) parts.push(slug(p.task));
  for (const e of p.extra ?? []) parts.push(slug(e));
  if (p.step !== undefined && Number.isFinite(p.step)) parts.push(`step-${Math.max(0, Math.round(p.step))}`);
  parts.push(slug(p.chart) || 'chart');
  return `${parts.filter(Boolean).join('_')}.${p.ext}`;
}
