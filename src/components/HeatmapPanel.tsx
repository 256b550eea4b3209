// One heatmap per gate and visible state of the top layer, on the probe sequence. The last one
// carries the probe's input / target / predicted tokens under its time axis.
import type { CellMeta } from '../store/catalog';
import { useApp, type AppState } from '../store';
import { gateLabel } from '../i18n';
import type { ProbeTrace } from '../protocol/messages';
import { createHeatmap, type HeatmapView } from '../views/heatmap';
import type { Range } from '../views/color-scale';
import { gateColor } from '../views/palette';
import { Equation } from './Equation';
import { useGateText, useStoreView, useT } from './hooks';
import { RichText } from './RichText';

/** Top layer, forward direction (or the backward one when asked): what the readout sees last. */
export function topTrace(traces: ProbeTrace[], direction: 0 | 1 = 0): ProbeTrace | undefined {
  let best: ProbeTrace | undefined;
  for (const tr of traces) {
    if (tr.direction !== direction) continue;
    if (!best || tr.layer > best.layer) best = tr;
  }
  return best;
}

interface ItemProps {
  id: string;
  tex: string;
  label: string;
  range: Range;
  withLabels: boolean;
  highlighted?: boolean;
  direction: 0 | 1;
  cellLabels?: Record<string, string>;
}

function HeatmapItem({ id, tex, label, range, withLabels, highlighted, direction, cellLabels }: ItemProps) {
  const t = useT();
  const lang = useApp((s) => s.ui.lang);
  const names: [string, string, string] = [t('labels.input'), t('labels.target'), t('labels.predicted')];
  const ref = useStoreView<HeatmapView>(
    (el) => createHeatmap(el, { testId: direction ? `heatmap-${id}-bwd` : `heatmap-${id}`, emptyText: t('chart.waiting') }),
    (s: AppState, view) => {
      const tel = s.telemetry.latest;
      if (!tel) {
        view.clear();
        return;
      }
      const series = topTrace(tel.probe.traces, direction)?.series[id];
      if (!series) return;
      const p = tel.probe;
      // For tests and assistive tools: how many steps the map shows and the input under each.
      ref.current?.setAttribute('data-t', String(p.T));
      ref.current?.setAttribute('data-input-labels', JSON.stringify(p.inputLabels));
      view.update({
        id,
        T: p.T,
        width: series.width,
        data: series.data,
        range,
        labels: withLabels ? { input: p.inputLabels, target: p.targetLabels, predicted: p.predictedLabels } : undefined,
        labelNames: names,
        unitName: t('heatmap.unit'),
      });
    },
    (s, prev) => s.telemetry.latest !== prev.telemetry.latest,
    [id, range, withLabels, direction, names.join('|'), lang],
  );
  const textColor = useGateText();
  return (
    <figure className={`heatmap-item${highlighted ? ' highlighted' : ''}`} style={{ ['--gate' as string]: gateColor(id) }}>
      <figcaption>
        <Equation tex={`\\textcolor{${textColor(id)}}{${tex}}`} />
        <span className="heatmap-label"><RichText text={gateLabel(lang, id, label, cellLabels)} /></span>
        <span className="heatmap-range">{t(`range.${range}` as const)}</span>
      </figcaption>
      <div ref={ref} className="heatmap-host" />
    </figure>
  );
}

function rank(cell: CellMeta, id: string): number {
  const i = cell.equations.findIndex((e) => e.id === id);
  return i < 0 ? cell.equations.length : i;
}

export function HeatmapPanel({ cell, only, highlight }: { cell: CellMeta; only?: string[]; highlight?: string[] }) {
  const t = useT();
  const bidirectional = useApp((s) => s.config.bidirectional);
  if (!bidirectional) return <HeatmapGrid cell={cell} only={only} highlight={highlight} direction={0} />;
  // The two directions read the sequence in opposite orders; side by side they would invite a
  // comparison column by column that means nothing, so each gets its own labelled block.
  return (
    <div className="heatmap-directions">
      {([0, 1] as const).map((dir) => (
        <section key={dir} className={`heatmap-direction dir-${dir}`} data-testid={`heatmaps-${dir ? 'backward' : 'forward'}`}>
          <h3 className="direction-title">
            <span className="direction-arrow" aria-hidden="true">{dir ? '←' : '→'}</span>
            {t(dir ? 'heatmaps.backward' : 'heatmaps.forward')}
          </h3>
          <HeatmapGrid cell={cell} only={only} highlight={highlight} direction={dir} />
        </section>
      ))}
    </div>
  );
}

function HeatmapGrid({ cell, only, highlight, direction }: { cell: CellMeta; only?: string[]; highlight?: string[]; direction: 0 | 1 }) {
  const items = [
    ...cell.gates.map((g) => ({ id: g.id, tex: g.tex, label: g.label, range: g.range as Range })),
    ...cell.states.map((s) => ({ id: s.id, tex: s.tex, label: s.label, range: (s.range ?? 'free') as Range })),
  ]
    .filter((it) => !only || only.includes(it.id))
    // Same order as the equations, so the maths and the pictures read top to bottom together.
    .sort((a, b) => rank(cell, a.id) - rank(cell, b.id));
  const hl = new Set(highlight ?? []);
  // Two columns on wide screens: the token strip goes under each column's last map.
  const twoCol = !only && items.length > 1;
  const lastRow = twoCol && items.length % 2 === 0 ? 2 : 1;
  const labelled = new Set(items.slice(items.length - lastRow).map((it) => it.id));
  return (
    <div className={`heatmaps${twoCol ? ' two-col' : ''}`}>
      {items.map((it) => (
        <HeatmapItem key={it.id} {...it} withLabels={labelled.has(it.id)} highlighted={hl.has(it.id)} direction={direction}
          cellLabels={cell.zh?.gateLabels} />
      ))}
    </div>
  );
}
