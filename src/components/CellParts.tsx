// Pieces of a cell's card: the generated dataflow diagram, the parameter table at the current
// sizes, and the cell's own diagnostics plotted over training steps.
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CellDims } from '../cells/types';
import { paramCount } from '../cells/types';
import { taskSizes, type CellMeta } from '../store/catalog';
import { useApp } from '../store';
import { gateLabel, hasKey, initText, translate, type MessageKey } from '../i18n';
import { Equation } from './Equation';
import { RichText } from './RichText';
import { captionText } from '../i18n/prose';
import { createCellDiagram } from '../views/cell-diagram';
import { createMultiLineChart } from '../views/multi-line-chart';
import { seriesColor } from '../views/palette';
import { useStoreView, useT } from './hooks';

export function CellDiagram({ cell }: { cell: CellMeta }) {
  const ref = useRef<HTMLDivElement>(null);
  const lang = useApp((s) => s.ui.lang);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const view = createCellDiagram(el);
    view.update(
      { equations: cell.equations, gates: cell.gates, states: cell.states },
      // SVG text cannot hold KaTeX: a label's maths is left to the node's own symbol.
      (id, fallback) => captionText(id === 'x' ? translate(lang, 'labels.input') : gateLabel(lang, id, fallback, cell.zh?.gateLabels)),
    );
    return () => view.destroy();
  }, [cell, lang]);
  return <div ref={ref} className="diagram-host" />;
}

/** The run's layer-0 dims: the task's input size, the chosen hidden size and options. */
export function useDims(cell: CellMeta): CellDims {
  const c = useApp(useShallow((s) => ({ hiddenSize: s.config.hiddenSize, seqLen: s.config.seqLen, numLayers: s.config.numLayers, options: s.config.cellOptions, taskId: s.config.taskId, taskOptions: s.config.taskOptions })));
  const inputSize = useApp((s) => taskSizes(s.catalog?.tasks.find((t) => t.id === c.taskId), c.taskOptions).inputSize);
  const options = Object.fromEntries(cell.options.map((o) => [o.key, c.options[o.key] ?? o.default]));
  return { inputSize, hiddenSize: c.hiddenSize, seqLen: c.seqLen, layer: 0, numLayers: c.numLayers, options };
}

export function cellParamCount(cell: CellMeta, dims: CellDims): number | null {
  try {
    return paramCount(cell.params(dims));
  } catch {
    return null;
  }
}

export function ParamTable({ cell }: { cell: CellMeta }) {
  const t = useT();
  const dims = useDims(cell);
  const modelCount = useApp((s) => s.run.paramCount);
  const lang = useApp((s) => s.ui.lang);
  let specs: ReturnType<CellMeta['params']> = [];
  try {
    specs = cell.params(dims);
  } catch {
    specs = [];
  }
  const total = paramCount(specs);
  return (
    <>
      <p className="card-hint">{t('card.params.hint', { I: dims.inputSize, H: dims.hiddenSize })}</p>
      <div className="table-scroll">
        <table className="param-table" data-testid="param-table">
          <thead>
            <tr>
              <th>{t('card.params.name')}</th>
              <th>{t('card.params.shape')}</th>
              <th>{t('card.params.actual')}</th>
              <th>{t('card.params.init')}</th>
              <th className="num">{t('card.params.count')}</th>
            </tr>
          </thead>
          <tbody>
            {specs.map((p) => {
              const n = p.shape.reduce((a, b) => a * b, 1);
              const fixed = p.trainable === false;
              return (
                <tr key={p.name} className={fixed ? 'fixed' : undefined}>
                  <td><code>{p.name}</code>{fixed && <span className="fixed-tag">{t('card.params.fixed')}</span>}</td>
                  <td className="shape"><Equation tex={p.shapeLabel} /></td>
                  <td className="shape">{p.shape.length ? p.shape.join(' × ') : '1'}</td>
                  <td className="init"><RichText text={initText(lang, p.initLabel)} /></td>
                  <td className="num">{n.toLocaleString()}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={4}>{t('card.params.total')}</td>
              <td className="num" data-testid="param-total">{total.toLocaleString()}</td>
            </tr>
            <tr className="muted">
              <td colSpan={4}>{t('card.params.model')}</td>
              <td className="num">{modelCount === null ? '—' : modelCount.toLocaleString()}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}

function DiagnosticChart({ name, index }: { name: string; index: number }) {
  const t = useT();
  const ref = useStoreView(
    (el) => createMultiLineChart(el, { testId: `diagnostic-${name}`, height: 150, emptyText: t('chart.waiting'), integerX: true }),
    (s, view) => view.update({
      series: [{ id: name, name: captionText(diagnosticName(t, name)), color: seriesColor(index + 2), points: s.telemetry.diagnostics.map((d) => [d.step, d.values[name] ?? NaN]) }],
    }),
    (s, prev) => s.telemetry.diagnostics !== prev.telemetry.diagnostics,
    [name, index, t],
  );
  return <div ref={ref} className="chart-host" />;
}

/** maxSigmaDeviation → max sigma deviation: cells name diagnostics as code, the card reads them out. */
export function prettyKey(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase();
}

/** A diagnostic's caption: its i18n entry (diag.<key>) where one exists, else the key read out. */
function diagnosticName(t: ReturnType<typeof useT>, key: string): string {
  const k = `diag.${key}`;
  return hasKey(k) ? t(k as MessageKey) : prettyKey(key);
}

export function DiagnosticsPanel() {
  // Keys as one string: React re-renders only when the set of diagnostics changes, not per snapshot.
  const keys = useApp((s) => Object.keys(s.telemetry.diagnostics[s.telemetry.diagnostics.length - 1]?.values ?? {}).join('\u0000'));
  const names = keys ? keys.split('\u0000') : [];
  const t = useT();
  if (!names.length) return <p className="card-hint" data-testid="diagnostics">{t('chart.waiting')}</p>;
  return (
    <div className="diagnostics" data-testid="diagnostics">
      {names.map((n, i) => (
        <figure key={n} className="diagnostic">
          <figcaption data-key={n}><RichText text={diagnosticName(t, n)} /></figcaption>
          <DiagnosticChart name={n} index={i} />
        </figure>
      ))}
    </div>
  );
}
