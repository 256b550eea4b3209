// Export: every chart card's figure as SVG or PNG at 2× (ChartExport, shown by Card when given
// `exportAs`), and the run's telemetry as CSV or JSON (TelemetryExport, in the run bar; on Compare
// one long-format file with a `cell` column). The work is in src/views/export/*.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { appStore, urlStateOf, type AppState } from '../store';
import { serializeQuery } from '../store/url';
import { plainProse } from '../i18n/prose';
import { fileName, type FileNameParts } from '../views/export/names';
import { download, pngBlob, svgString } from '../views/export/svg';
import { GradNormLog, telemetryCsv, telemetryJson, type RunTelemetry } from '../views/export/telemetry';
import { useT } from './hooks';

// ---- the ‖∂L/∂h_t‖ snapshots (the store keeps only the latest) ----

const COMPARE_SLOT = 100;
const gradLog = new GradNormLog();
let recording = false;

/** Starts keeping every ‖∂L/∂h_t‖ snapshot the page receives (once; before the first telemetry arrives). */
export function startGradNormLog(): void {
  if (recording) return;
  recording = true;
  const store = appStore();
  const take = (s: AppState, prev: AppState | null) => {
    const tel = s.telemetry;
    if (!tel.history.length && (!prev || prev.telemetry.history.length)) gradLog.clear(0);
    if (tel.latest && tel.latest !== prev?.telemetry.latest) {
      gradLog.add(0, { step: tel.latest.step, norms: Array.from(tel.latest.gradNorms), total: tel.latest.gradNormTotal });
    }
    const slots = s.compareRun.slots;
    if (prev && slots === prev.compareRun.slots) return;
    slots.forEach((sl, i) => {
      const before = prev?.compareRun.slots[i];
      if (!sl.history.length || (before && before.cellId !== sl.cellId)) gradLog.clear(COMPARE_SLOT + i);
      if (sl.gradNorms && sl.gradNorms !== before?.gradNorms) gradLog.add(COMPARE_SLOT + i, { step: sl.step, norms: Array.from(sl.gradNorms) });
    });
    for (let i = slots.length; i < (prev?.compareRun.slots.length ?? 0); i++) gradLog.clear(COMPARE_SLOT + i);
  };
  take(store.getState(), null);
  store.subscribe((s, prev) => take(s, prev));
}

/** What the run on this page is, for file names and the JSON: one run, or Compare's cells. */
function runsOf(s: AppState): RunTelemetry[] {
  if (s.ui.page === 'compare') {
    return s.compareRun.slots.map((sl, i) => ({ cellId: sl.cellId, history: sl.history, clip: sl.clip, gradNorms: gradLog.get(COMPARE_SLOT + i) }));
  }
  return [{ cellId: s.config.cellId, history: s.telemetry.history, clip: s.instruments.clip, gradNorms: gradLog.get(0) }];
}

function nameParts(s: AppState, chart: string, ext: FileNameParts['ext']): FileNameParts {
  if (s.ui.page === 'whatif') {
    return { extra: ['whatif', s.ui.wiMatrix, `rho-${s.ui.wiRho}`, `T-${s.ui.wiLen}`, `H-${s.ui.wiHidden}`], chart, ext };
  }
  const cell = s.ui.page === 'compare' ? s.compareRun.slots.map((sl) => sl.cellId) : s.config.cellId;
  return { cell, task: s.config.taskId, step: s.run.step, chart, ext };
}

export function exportFileName(s: AppState, chart: string, ext: FileNameParts['ext']): string {
  return fileName(nameParts(s, chart, ext));
}

function linkOf(s: AppState): string {
  return `${location.origin}${location.pathname}?${serializeQuery(urlStateOf(s))}`;
}

// ---- figures ----

/** "SVG" and "PNG 2×" for the figure inside `target` (a card). */
export function ChartExport({ chart, title, target }: { chart: string; title: string; target: RefObject<HTMLElement | null> }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const menu = useRef<HTMLDetailsElement>(null);
  useEffect(() => startGradNormLog(), []);
  const save = async (kind: 'svg' | 'png') => {
    setError(null);
    const root = target.current;
    if (!root) return;
    const s = appStore().getState();
    const parts = nameParts(s, chart, kind);
    const desc = [`RNN Atlas`, parts.cell ? `cell ${[parts.cell].flat().join(', ')}` : '', parts.task ? `task ${parts.task}` : '',
      parts.step !== undefined ? `step ${parts.step}` : '', ...(parts.extra ?? []), linkOf(s)].filter(Boolean).join(' · ');
    const out = svgString(root, plainProse(title), desc);
    if (!out) {
      setError(t('export.nothing'));
      return;
    }
    try {
      const blob = kind === 'svg'
        ? new Blob([out.svg], { type: 'image/svg+xml' })
        : await pngBlob(out.svg, out.width, out.height, 2);
      download(blob, fileName(parts));
      if (menu.current) menu.current.open = false;
    } catch (e) {
      setError(`${t('export.failed')} ${(e as Error).message}`);
    }
  };
  return (
    <details className="export-menu" ref={menu} data-testid={`export-${chart}`}>
      <summary className="btn btn-ghost export-toggle" aria-label={`${t('export.menu')}: ${plainProse(title)}`} title={t('export.menu.help')}>
        {t('export.menu')}
      </summary>
      <div className="export-items">
        <button type="button" className="btn btn-ghost" data-testid={`export-svg-${chart}`} onClick={() => void save('svg')}>SVG</button>
        <button type="button" className="btn btn-ghost" data-testid={`export-png-${chart}`} onClick={() => void save('png')}>{t('export.png2x')}</button>
        {error && <p className="export-error" role="alert">{error}</p>}
      </div>
    </details>
  );
}

// ---- telemetry ----

/** CSV and JSON of the run's telemetry (on Compare: every cell, long format). */
export function TelemetryExport() {
  const t = useT();
  useEffect(() => startGradNormLog(), []);
  const save = (kind: 'csv' | 'json') => {
    const s = appStore().getState();
    const runs = runsOf(s);
    const name = exportFileName(s, 'telemetry', kind);
    const body = kind === 'csv'
      ? telemetryCsv(runs, { cellColumn: s.ui.page === 'compare' })
      : telemetryJson(runs, { link: linkOf(s), config: s.config, page: s.ui.page, backend: s.run.backend?.backend ?? null });
    download(new Blob([body], { type: kind === 'csv' ? 'text/csv' : 'application/json' }), name);
  };
  return (
    <div className="export-telemetry" role="group" aria-label={t('export.telemetry')}>
      <span className="export-telemetry-label" title={plainProse(t('export.telemetry.help'))}>{t('export.telemetry')}</span>
      <button type="button" className="btn btn-ghost btn-small" data-testid="export-csv" title={plainProse(t('export.telemetry.help'))} onClick={() => save('csv')}>CSV</button>
      <button type="button" className="btn btn-ghost btn-small" data-testid="export-json" title={plainProse(t('export.telemetry.help'))} onClick={() => save('json')}>JSON</button>
    </div>
  );
}
