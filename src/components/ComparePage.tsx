// Compare: two to four cells on one task and seed, trained in turn by the one worker. Their loss
// curves and ‖∂L/∂h_t‖ profiles share one chart each (one colour per cell), with a table beside.
import { useShallow } from 'zustand/react/shallow';
import { appStore, useApp, type AppState } from '../store';
import type { CellMeta } from '../store/catalog';
import { COMPARE_MAX, COMPARE_MIN } from '../store/url';
import { cellText, type MessageKey } from '../i18n';
import { createMultiLineChart } from '../views/multi-line-chart';
import { seriesColor } from '../views/palette';
import { ControlPanel } from './ControlPanel';
import { DivergedBanner, RunBar } from './RunBar';
import { Card } from './Playground';
import { CompareInstruments } from './Instruments';
import { MechanismBadges } from './CellsPage';
import { cellParamCount, useDims } from './CellParts';
import { useStoreView, useT } from './hooks';
import { baselineOf } from './Charts';

/** One shared empty list: a fresh [] per call would make the selector's snapshot never settle. */
const NO_CELLS: CellMeta[] = [];

function useNames(): (id: string) => string {
  const lang = useApp((s) => s.ui.lang);
  const cells = useApp((s) => s.catalog?.cells ?? NO_CELLS);
  return (id) => {
    const c = cells.find((x) => x.id === id);
    return c ? cellText(lang, c).name : id;
  };
}

function setCompare(ids: string[]) {
  appStore().getState().setUi({ compare: ids });
}

function Picker() {
  const t = useT();
  const chosen = useApp((s) => s.ui.compare);
  const cells = useApp((s) => s.catalog?.cells ?? NO_CELLS);
  const name = useNames();
  const free = cells.filter((c) => !chosen.includes(c.id));
  return (
    <div className="compare-picker">
      <ul className="compare-chips">
        {chosen.map((id, i) => (
          <li key={id} className="compare-chip" data-testid={`compare-chip-${id}`} style={{ ['--series' as string]: seriesColor(i) }}>
            <span className="chip-swatch" aria-hidden="true" />
            <span className="chip-name">{name(id)}</span>
            <button type="button" className="chip-remove" disabled={chosen.length <= COMPARE_MIN}
              aria-label={t('compare.remove', { name: name(id) })} data-testid={`compare-remove-${id}`}
              onClick={() => setCompare(chosen.filter((x) => x !== id))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <select data-testid="compare-add" value="" disabled={chosen.length >= COMPARE_MAX || !free.length}
        aria-label={t('compare.add')} onChange={(e) => e.currentTarget.value && setCompare([...chosen, e.currentTarget.value])}>
        <option value="">+ {t('compare.add')}</option>
        {free.map((c) => (
          <option key={c.id} value={c.id}>{name(c.id)}</option>
        ))}
      </select>
    </div>
  );
}

function CompareChart({ kind }: { kind: 'loss' | 'grad' }) {
  const t = useT();
  const name = useNames();
  const ref = useStoreView(
    (el) => createMultiLineChart(el, {
      testId: kind === 'loss' ? 'compare-loss-chart' : 'compare-gradnorm-chart',
      height: 260, log: true, integerX: true, dots: kind === 'grad',
      emptyText: kind === 'loss' ? t('chart.pressPlay') : t('chart.waiting'),
    }),
    (s: AppState, view) => view.update({
      series: s.compareRun.slots.map((sl, i) => ({
        id: sl.cellId,
        name: name(sl.cellId),
        color: seriesColor(i),
        points: kind === 'loss'
          ? sl.history.map((p) => [p.step, p.loss] as [number, number])
          : Array.from(sl.gradNorms ?? [], (v, tt) => [tt, v] as [number, number]),
      })),
      baseline: kind === 'loss' ? baselineOf(s, t) : null,
    }),
    (s, prev) => s.compareRun !== prev.compareRun || s.ui.lang !== prev.ui.lang || s.config !== prev.config || s.catalog !== prev.catalog,
    [kind],
  );
  return <div ref={ref} className="chart-host" />;
}

function fmt(v: number | null, digits = 4): string {
  if (v === null) return '—';
  if (!Number.isFinite(v)) return 'NaN';
  return v < 1e-3 || v >= 1e4 ? v.toExponential(2) : v.toFixed(digits);
}

function Row({ cell, i }: { cell: CellMeta; i: number }) {
  const t = useT();
  const lang = useApp((s) => s.ui.lang);
  const dims = useDims(cell);
  const slot = useApp(useShallow((s) => {
    const sl = s.compareRun.slots[i];
    return { step: sl?.step ?? 0, loss: sl?.lastLoss ?? null, acc: sl?.lastAccuracy ?? null, params: sl?.paramCount ?? null, status: sl?.status ?? 'loading' };
  }));
  const cellCount = cellParamCount(cell, dims);
  return (
    <tr data-testid={`compare-row-${cell.id}`}>
      <td>
        <div className="row-cell">
          <span className="row-swatch" style={{ background: seriesColor(i) }} aria-hidden="true" />
          <strong>{cellText(lang, cell).name}</strong>
          <MechanismBadges mechanisms={cell.mechanisms} />
        </div>
      </td>
      <td className="num" data-testid={`compare-params-${cell.id}`}>
        {slot.params !== null ? slot.params.toLocaleString() : '—'}
        {cellCount !== null && <small className="sub-count">{t('card.params.total')}: {cellCount.toLocaleString()}</small>}
      </td>
      <td className="num" data-testid={`compare-step-${cell.id}`}>{slot.step}</td>
      <td className="num">{fmt(slot.loss)}</td>
      <td className="num">{slot.acc === null || !Number.isFinite(slot.acc) ? '—' : `${(slot.acc * 100).toFixed(1)}%`}</td>
      <td className={`status status-${slot.status}`}>
        <span className="status-dot" aria-hidden="true" /> {t(`status.${slot.status}` as MessageKey)}
      </td>
    </tr>
  );
}

function CompareTable() {
  const t = useT();
  const chosen = useApp((s) => s.ui.compare);
  const cells = useApp((s) => s.catalog?.cells ?? NO_CELLS);
  // A regression's accuracy counts answers within its tolerance (adding: ±0.04): the header says so.
  const tol = useApp((s) => {
    const task = s.catalog?.tasks.find((x) => x.id === s.config.taskId);
    return task?.kind === 'regress' ? task.tolerance ?? null : null;
  });
  return (
    <div className="table-scroll">
      <table className="param-table compare-table" data-testid="compare-table">
        <thead>
          <tr>
            <th>{t('compare.cell')}</th>
            <th className="num">{t('compare.params')}</th>
            <th className="num">{t('compare.step')}</th>
            <th className="num">{t('compare.loss.col')}</th>
            <th className="num" title={tol !== null ? t('train.accuracy.help.regress', { tol }) : t('train.accuracy.help.classify')}>
              {tol !== null ? t('compare.acc.within', { tol }) : t('compare.acc')}
            </th>
            <th>{t('compare.status')}</th>
          </tr>
        </thead>
        <tbody>
          {chosen.map((id, i) => {
            const c = cells.find((x) => x.id === id);
            return c ? <Row key={id} cell={c} i={i} /> : null;
          })}
        </tbody>
      </table>
    </div>
  );
}

export function ComparePage() {
  const t = useT();
  const names = useNames();
  return (
    <div className="compare" data-testid="compare-page">
      <header className="page-head">
        <h1 className="page-title">{t('compare.title')}</h1>
        <p className="page-intro">{t('compare.intro')}</p>
      </header>
      <div className="playground">
        <aside className="sidebar">
          <ControlPanel showCell={false} showCellOptions={false} showParamCount={false} showWeights={false} title={t('compare.shared')}>
            <div className="control">
              <label>{t('compare.pick')}</label>
              <Picker />
            </div>
          </ControlPanel>
        </aside>
        <div className="main-col">
          <RunBar />
          <DivergedBanner />
          <div className="grid-2">
            <Card title={t('compare.loss')} hint={t('compare.loss.hint')} exportAs="loss">
              <CompareChart kind="loss" />
            </Card>
            <Card title={t('compare.gradnorm')} hint={t('compare.gradnorm.hint')} exportAs="gradnorm">
              <CompareChart kind="grad" />
            </Card>
          </div>
          <Card title={t('compare.table')}>
            <CompareTable />
          </Card>
          <CompareInstruments names={names} />
        </div>
      </div>
    </div>
  );
}
