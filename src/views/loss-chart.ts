// Training loss (log scale, left axis) and accuracy (0…1, right axis) over steps. NaN losses leave
// gaps instead of dragging the line to zero.
import 'd3-transition';
import { scaleLinear, scaleLog } from 'd3-scale';
import { axisBottom, axisLeft, axisRight } from 'd3-axis';
import { line } from 'd3-shape';
import type { LossPoint } from '../protocol/messages';
import { CHART } from './palette';
import { createFrame, logDomain, logTick, majorLogTicks, showAxes } from './chart-frame';
import { liveView, type ChartView } from './raf';
import { chartVars } from './theme-vars';
import { createBaselineLine, type Baseline } from './baseline-line';
import { docLang, lossAlt } from './alt-text';

export interface LossData {
  points: LossPoint[];
  labels?: { loss: string; accuracy: string };
  /** The task's baseline loss (dashed line); the y axis always reaches it. */
  baseline?: Baseline | null;
}

const FLOOR = 1e-6;

export function createLossChart(el: HTMLElement, opts: { emptyText?: string; height?: number } = {}): ChartView<LossData> {
  const frame = createFrame(el, 'loss-chart', opts.height ?? 220, opts.emptyText ?? 'press Play to train');
  const lossPath = frame.plot.append('path').attr('class', 'line loss').attr('fill', 'none').attr('stroke', CHART.loss).attr('stroke-width', 1.8);
  const accPath = frame.plot.append('path').attr('class', 'line acc').attr('fill', 'none').attr('stroke', CHART.accuracy).attr('stroke-width', 1.5).attr('stroke-dasharray', '4 2');
  const legend = frame.svg.append('g').attr('class', 'legend');
  const baseline = createBaselineLine(frame.plot);

  const draw = (d: LossData) => {
    const { innerW, innerH } = frame.size();
    const pts = d.points;
    frame.svg.attr('aria-label', lossAlt(pts, d.baseline?.value, docLang(), d.labels));
    frame.empty.attr('display', pts.length ? 'none' : null);
    showAxes(frame, pts.length > 0);
    const maxStep = pts.length ? pts[pts.length - 1].step : 1;
    const minStep = pts.length ? pts[0].step : 0;
    const x = scaleLinear().domain([minStep, Math.max(minStep + 1, maxStep)]).range([0, innerW]);
    const withBase = d.baseline && pts.length ? [d.baseline.value] : [];
    const y = scaleLog().domain(logDomain([...pts.map((p) => p.loss), ...withBase], FLOOR)).range([innerH, 0]).clamp(true);
    const y2 = scaleLinear().domain([0, 1]).range([innerH, 0]);
    frame.xAxis.call(axisBottom(x).tickValues(x.ticks(6).filter(Number.isInteger)).tickFormat((v) => String(v)).tickSizeOuter(0));
    frame.yAxis.call(axisLeft(y).ticks(4).tickFormat((v) => logTick(+v)).tickValues(majorLogTicks(y.domain())));
    frame.y2Axis.call(axisRight(y2).ticks(5, '.0%'));
    const lossLine = line<LossPoint>()
      .defined((p) => Number.isFinite(p.loss) && p.loss > 0)
      .x((p) => x(p.step))
      .y((p) => y(Math.max(FLOOR, p.loss)));
    const accLine = line<LossPoint>()
      .defined((p) => Number.isFinite(p.accuracy))
      .x((p) => x(p.step))
      .y((p) => y2(p.accuracy));
    lossPath.attr('d', lossLine(pts) ?? '');
    accPath.attr('d', accLine(pts) ?? '');
    baseline.draw((v) => y(v), innerW, d.baseline, pts.length > 0);

    const names = d.labels ?? { loss: 'loss', accuracy: 'accuracy' };
    const items = [
      { name: names.loss, color: CHART.loss, dash: null },
      { name: names.accuracy, color: CHART.accuracy, dash: '4 2' },
    ];
    const g = legend
      .attr('transform', `translate(${60},${14})`)
      .selectAll<SVGGElement, (typeof items)[number]>('g.item')
      .data(items)
      .join((enter) => {
        const e = enter.append('g').attr('class', 'item');
        e.append('line').attr('x1', 0).attr('x2', 16).attr('y1', 0).attr('y2', 0).attr('stroke-width', 2);
        e.append('text').attr('x', 21).attr('dy', '0.32em');
        return e;
      })
      .attr('transform', (_, i) => `translate(${i * 90 * chartVars(el).scale},0)`); // wider apart in presentation mode's larger type
    g.select('line').attr('stroke', (it) => it.color).attr('stroke-dasharray', (it) => it.dash);
    g.select('text').text((it) => it.name);
  };

  return liveView(el, frame.svg, draw);
}
