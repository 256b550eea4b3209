// The estimated cost of a training step (src/engine/workload.ts), under the controls: memory and
// time, a warning when heavy, and above the budget the refusal with what to lower. The worker
// refuses the same runs (src/engine/budget.ts); this is the page saying so in its own language.
import { useShallow } from 'zustand/react/shallow';
import { useApp, type AppState } from '../store';
import { taskSizes, type CellMeta } from '../store/catalog';
import { hasKey, type MessageKey } from '../i18n';
import {
  BUDGET, estimateWorkload, formatBytes, formatMs, suggestLowerings, workloadLevel,
  type Lowering, type Workload, type WorkloadInput, type WorkloadLevel,
} from '../engine/workload';
import { useT } from './hooks';

export interface PageWorkload {
  workload: Workload;
  level: WorkloadLevel;
  /** What to lower (empty unless the level is above 'ok'). */
  lowerings: Lowering[];
  /** The cell the lowerings are about (its option labels). */
  cell: CellMeta;
}

/** What the estimate depends on. */
export type WorkloadDeps = Pick<AppState, 'config' | 'catalog'> & { page: AppState['ui']['page']; compare: string[] };

function inputFor(s: WorkloadDeps, cell: CellMeta, cellOptions: AppState['config']['cellOptions']): WorkloadInput {
  const task = s.catalog?.tasks.find((x) => x.id === s.config.taskId);
  const { inputSize, outputSize } = taskSizes(task, s.config.taskOptions);
  return {
    cell: { ...cell, states: cell.allStates ?? cell.states },
    cellOptions,
    inputSize,
    outputSize,
    seqLen: s.config.seqLen,
    hiddenSize: s.config.hiddenSize,
    numLayers: s.config.numLayers,
    bidirectional: s.config.bidirectional,
    batchSize: s.config.batchSize,
  };
}

/**
 * The run's estimate, or null before the catalog loads. On the Compare page the cells train in
 * turn: memory is the largest cell's, time the sum of theirs.
 */
export function pageWorkload(s: WorkloadDeps): PageWorkload | null {
  const cells = s.catalog?.cells;
  if (!cells) return null;
  const ids = s.page === 'compare' ? s.compare : [s.config.cellId];
  const runs = ids.flatMap((id) => {
    const cell = cells.find((c) => c.id === id);
    if (!cell) return [];
    const options = id === s.config.cellId ? s.config.cellOptions : Object.fromEntries(cell.options.map((o) => [o.key, o.default]));
    const input = inputFor(s, cell, options);
    return [{ cell, input, workload: estimateWorkload(input) }];
  });
  if (!runs.length) return null;
  const worst = runs.reduce((a, b) => (b.workload.bytes > a.workload.bytes ? b : a));
  const workload: Workload = { ...worst.workload, ms: runs.reduce((n, r) => n + r.workload.ms, 0) };
  const level = workloadLevel(workload);
  const lowerings = level === 'ok' ? [] : suggestLowerings(worst.input, level === 'refuse' ? 'warn' : 'ok');
  return { workload, level, lowerings, cell: worst.cell };
}

/** The page's estimate, re-read only when something it depends on changes. */
export function usePageWorkload(): PageWorkload | null {
  const deps = useApp(useShallow((s): WorkloadDeps => ({ config: s.config, catalog: s.catalog, page: s.ui.page, compare: s.ui.compare })));
  return pageWorkload(deps);
}

/** "To fit, change one: Hidden size to 57; Sequence length to 89." */
export function useLowerText(): (w: PageWorkload) => string {
  const t = useT();
  const lang = useApp((s) => s.ui.lang);
  return (w) => {
    if (!w.lowerings.length) return '';
    const name = (field: string) => {
      if (field.startsWith('opt.')) {
        const key = field.slice(4);
        const o = w.cell.options.find((x) => x.key === key);
        const i18nKey = `controls.opt.${key}`;
        if (hasKey(i18nKey)) return t(i18nKey as MessageKey);
        return (lang === 'zh' && o?.zh?.label) || o?.label || key;
      }
      if (field === 'batchSize') return t('budget.field.batchSize');
      return t(`controls.${field}` as MessageKey);
    };
    const items = w.lowerings.slice(0, 4).map((l) => (l.field === 'bidirectional' ? t('budget.bidirectional') : t('budget.to', { name: name(l.field), value: l.to })));
    return t('budget.lower', { what: items.join(t('budget.or')) });
  };
}

export const budgetVars = () => ({
  refuseMem: formatBytes(BUDGET.refuseBytes), refuseTime: formatMs(BUDGET.refuseMs),
  warnMem: formatBytes(BUDGET.warnBytes), warnTime: formatMs(BUDGET.warnMs),
});

/** The line under the controls: the estimate, and above 'ok' what it means and what to lower. */
export function BudgetNote() {
  const t = useT();
  const w = usePageWorkload();
  const lower = useLowerText();
  if (!w) return null;
  const line = t('budget.line', { mem: formatBytes(w.workload.bytes), time: formatMs(w.workload.ms) });
  return (
    <div className={`control budget budget-${w.level}`} data-testid="budget" data-level={w.level}>
      <span className="control-label" title={t('budget.help', budgetVars())}>{t('budget.label')}</span>
      <p className="control-help budget-line" data-testid="budget-line" title={t('budget.help', budgetVars())}>{line}</p>
      {w.level !== 'ok' && (
        <p className={`budget-message ${w.level}`} data-testid="budget-message" role={w.level === 'refuse' ? 'alert' : 'status'}>
          {w.level === 'refuse' ? t('budget.refuse', budgetVars()) : t('budget.warn')} {lower(w)}
        </p>
      )}
    </div>
  );
}
