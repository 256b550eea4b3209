// Export: every chart card's figure as SVG or PNG at 2× (ChartExport, shown by Card when given
// `exportAs`), and the run's telemetry as CSV or JSON (TelemetryExport, in the run bar; on Compare
// one long-format file with a `cell` column). The work is in src/views/export/*.
import { useEffect, useRef, useState, type RefObject } from 'react';
import { appStore, urlStateOf, type AppState, type AppStore } from '../store';
import { serializeQuery } from '../store/url';
import { plainProse } from '../i18n/prose';
import { fileName, type FileNameParts } from '../views/export/names';
import { download, pngBlob, svgString } from '../views/export/svg';
import { GradNormLog, telemetryCsv, telemetryJson, type RunTelemetry } from '../views/export/telemetry';
import { useT } from './hooks';

// ---- the ‖∂L/∂h_t‖ snapshots (the store keeps only the latest) ----

const COMPARE_SLOT = 100;
const logs = new WeakMap<AppStore, GradNormLog>();

/**
 * Keeps every ‖∂L/∂h_t‖ snapshot `store` receives (started once per store, by the first run bar or
 * export menu, before training starts): slot 0 for the run, COMPARE_SLOT + i for Compare's cell i;
 * a slot empties when its run restarts (its loss history empties, or another cell takes it).
 */
export function gradNormLogFor(store: AppStore = appStore()): GradNormLog {
  const existing = logs.get(store);
  if (existing) return existing;
  const log = new GradNormLog();
  logs.set(store, log);
  const take = (s: AppState, prev: AppState | null) => {
    const tel = s.telemetry;
    if (!tel.history.length && (!prev || prev.telemetry.history.length)) log.clear(0);
    if (tel.latest && tel.latest !== prev?.telemetry.latest) {
      log.add(0, { step: tel.latest.step, norms: Array.from(tel.latest.gradNorms), total: tel.latest.gradNormTotal });
    }
    const slots = s.compareRun.slots;
    if (prev && slots === prev.compareRun.slots) return;
    slots.forEach((sl, i) => {
      const before = prev?.compareRun.slots[i];
      if (!sl.history.length || (before && before.cellId !== sl.cellId)) log.clear(COMPARE_SLOT + i);
      if (sl.gradNorms && sl.gradNorms !== before?.gradNorms) log.add(COMPARE_SLOT + i, { step: sl.step, norms: Array.from(sl.gradNorms) });
    });
    for (let i = slots.length; i < (prev?.compareRun.slots.length ?? 0); i++) log.clear(COMPARE_SLOT + i);
  };
  take(store.getState(), null);
  store.subscribe((s, prev) => take(s, prev));
  return log;
}

/** The page's run(s) as export rows: the run, or on Compare each cell's own. */
export function telemetryRuns(s: AppState, log: GradNormLog): RunTelemetry[] {
  if (s.ui.page === 'compare') {
    return s.compareRun.slots.map((sl, i) => ({ cellId: sl.cellId, history: sl.history, clip: sl.clip, gradNorms: log.get(COMPARE_SLOT + i) }));
  }
  return [{ cellId: s.config.cellId, history: s.telemetry.history, clip: s.instruments.clip, gradNorms: log.get(0) }];
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
  useEffect(() => void gradNormLogFor(), []);
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
  useEffect(() => void gradNormLogFor(), []);
  const save = (kind: 'csv' | 'json') => {
    const s = appStore().getState();
    const runs = telemetryRuns(s, gradNormLogFor());
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
