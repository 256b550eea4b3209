// Long memory: the influence curve ‖∂h_T/∂x_t‖ against the lag T − t, twice — on log-linear axes
// (where an exponential decay is a straight line) and on log-log axes (where a power law is) — with
// both fitted lines on both panels (exponential dashed, power law dotted), each fit's R², and the
// verdict in words (under the chart, from the page's strings). Several series overlay (Compare:
// one per cell, each with its own fits). The svg carries `data-verdict` (the first series').
import { scaleLinear, scaleLog } from 'd3-scale';
import { axisBottom, axisLeft } from 'd3-axis';
import { line } from 'd3-shape';
import { select } from 'd3-selection';
import type { LongMemoryFit } from '../engine/instruments/types';
import { CHART, INSTRUMENT } from './palette';
import { logTick, majorLogTicks } from './chart-frame';
import { liveView, type ChartView } from './raf';
import { docLang, memoryAlt } from './alt-text';
import { trackWidth } from './width-cache';
import { fitCurves, logExtent } from './instrument-scales';

export interface MemorySeries {
  id: string;
  name: string;
  color: string;
  /** Influence y at lag lags[i]; non-positive and non-finite values are left out of the axes (the Jacobian chart marks them). */
  lags: number[];
  values: number[];
  fit: LongMemoryFit | null;
}

export interface MemoryLabels {
  linear: string;
  loglog: string;
  lag: string;
  exponential: string;
  powerLaw: string;
  /** The verdict, in words, per verdict id. */
  verdict: Record<LongMemoryFit['verdict'], string>;
}

export interface MemoryData {
  series: MemorySeries[];
  emptyText?: string;
}

const DEFAULT_LABELS: MemoryLabels = {
  linear: 'log-linear', loglog: 'log-log', lag: 'lag T − t', exponential: 'exponential', powerLaw: 'power law',
  verdict: { exponential: 'exponential decay: short memory', 'power-law': 'power law: long memory', undecided: 'undecided', 'too-short': 'too few points to tell' },
};

const M = { top: 18, right: 10, bottom: 30, left: 44 };

/**
 * The text line under the chart for one series: both R², the fitted rate r (y ≈ a·e^{−r·lag}) and
 * exponent p (y ≈ a·lag^{−p}), as the hint writes them, and the verdict.
 */
export function memorySummary(s: Pick<MemorySeries, 'fit'>, labels: MemoryLabels): string {
  const f = s.fit;
  if (!f) return '';
  if (f.verdict === 'too-short') return labels.verdict['too-short'];
  const n = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : '–');
  return `${labels.exponential} R² = ${n(f.exponential.r2)}, r = ${n(f.exponential.rate)} · ${labels.powerLaw} R² = ${n(f.powerLaw.r2)}, p = ${n(f.powerLaw.exponent)} → ${labels.verdict[f.verdict]}`;
}

export function createMemoryView(el: HTMLElement, opts: { testId?: string; height?: number; labels?: MemoryLabels } = {}): ChartView<MemoryData> {
  const height = opts.height ?? 200;
  const tracker = trackWidth(el);
  const labels = opts.labels ?? DEFAULT_LABELS;
  const svg = select(el).append('svg').attr('data-testid', opts.testId ?? 'memory-view').attr('class', 'chart memory').attr('role', 'img');
  const panels = [0, 1].map((k) => {
    const g = svg.append('g').attr('class', k === 0 ? 'panel loglinear' : 'panel loglog');
    return {
      g,
      xAxis: g.append('g').attr('class', 'axis x'),
      yAxis: g.append('g').attr('class', 'axis y'),
      curves: g.append('g').attr('class', 'curves'),
      caption: g.append('text').attr('class', 'caption').attr('font-size', 11).attr('fill', CHART.text),
      xLabel: g.append('text').attr('class', 'axis-label').attr('font-size', 10.5).attr('fill', CHART.axis).attr('text-anchor', 'end'),
    };
  });
  const summary = select(el).append('div').attr('class', 'memory-summary').attr('data-testid', `${opts.testId ?? 'memory-view'}-summary`);
  const empty = svg.append('text').attr('class', 'chart-empty').attr('text-anchor', 'middle');

  const draw = (d: MemoryData) => {
    const width = Math.max(280, tracker.width() || 480);
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    const series = d.series.filter((s) => s.values.length > 0);
    const any = series.length > 0;
    svg.attr('aria-label', memoryAlt(series, labels.verdict, docLang()));
    empty.attr('x', width / 2).attr('y', height / 2).text(d.emptyText ?? '').attr('display', any ? 'none' : null);
    svg.attr('data-verdict', series[0]?.fit?.verdict ?? null);
    const pw = (width - 2 * (M.left + M.right)) / 2;
    const ph = height - M.top - M.bottom;
    const allLags = series.flatMap((s) => s.lags.filter((l, i) => l > 0 && s.values[i] > 0 && Number.isFinite(s.values[i])));
    const ys = series.flatMap((s) => s.values);
    const yDom = logExtent(ys);
    const maxLag = allLags.length ? Math.max(...allLags) : 10;
    panels.forEach((p, k) => {
      p.g.attr('display', any ? null : 'none').attr('transform', `translate(${M.left + k * (pw + M.left + M.right)},${M.top})`);
      const x = k === 0
        ? scaleLinear().domain([0, maxLag]).range([0, pw])
        : scaleLog().domain([1, Math.max(2, maxLag)]).range([0, pw]).clamp(true);
      const y = scaleLog().domain(yDom).range([ph, 0]).clamp(true);
      p.xAxis.attr('transform', `translate(0,${ph})`).call(
        k === 0 ? axisBottom(x).ticks(4).tickSizeOuter(0) : axisBottom(x).tickValues(majorLogTicks(x.domain())).tickFormat((v) => logTick(+v)).tickSizeOuter(0),
      );
      p.yAxis.call(axisLeft(y).tickValues(majorLogTicks(y.domain())).tickFormat((v) => logTick(+v)));
      p.caption.attr('x', 0).attr('y', -5).text(k === 0 ? labels.linear : labels.loglog);
      p.xLabel.attr('x', pw).attr('y', ph + 26).text(labels.lag);
      const path = line<[number, number]>()
        .defined((q) => Number.isFinite(q[1]) && q[1] > 0 && (k === 0 || q[0] > 0))
        .x((q) => x(q[0]))
        .y((q) => y(q[1]));
      // The fitted lines stop at the plot's edges instead of running along them (clamped).
      const fitPath = line<[number, number]>()
        .defined((q) => q[1] >= yDom[0] && q[1] <= yDom[1] && (k === 0 || q[0] > 0))
        .x((q) => x(q[0]))
        .y((q) => y(q[1]));
      const groups = p.curves
        .selectAll<SVGGElement, MemorySeries>('g.s')
        .data(series, (s) => s.id)
        .join((enter) => {
          const g = enter.append('g').attr('class', 's');
          g.append('path').attr('class', 'data').attr('fill', 'none').attr('stroke-width', 1.8);
          g.append('path').attr('class', 'fit exp').attr('fill', 'none').attr('stroke-width', 1.4).attr('stroke-dasharray', '6 3');
          g.append('path').attr('class', 'fit pow').attr('fill', 'none').attr('stroke-width', 1.6).attr('stroke-dasharray', '1.5 2.5');
          return g;
        })
        .attr('data-series', (s) => s.id);
      groups.each(function (this: SVGGElement, s) {
        const g = select(this);
        const pts = s.lags.map((l, i) => [l, s.values[i]] as [number, number]).sort((a, b) => a[0] - b[0]);
        g.select('path.data').attr('stroke', s.color).attr('d', path(pts) ?? '');
        const fits = s.fit ? fitCurves(s.fit, dense(s.fit.lags)) : { exponential: [], powerLaw: [] };
        const one = series.length === 1;
        g.select('path.fit.exp').attr('stroke', one ? INSTRUMENT.fitExp : s.color).attr('d', fitPath(fits.exponential) ?? '')
          .attr('data-r2', s.fit ? String(s.fit.exponential.r2) : null);
        g.select('path.fit.pow').attr('stroke', one ? INSTRUMENT.fitPow : s.color).attr('d', fitPath(fits.powerLaw) ?? '')
          .attr('data-r2', s.fit ? String(s.fit.powerLaw.r2) : null);
      });
    });
    summary
      .selectAll<HTMLDivElement, MemorySeries>('div.line')
      .data(any ? series : [], (s) => s.id)
      .join('div')
      .attr('class', 'line')
      .attr('data-series', (s) => s.id)
      .attr('data-verdict', (s) => s.fit?.verdict ?? '')
      .style('color', (s) => (series.length > 1 ? s.color : ''))
      .text((s) => `${series.length > 1 ? `${s.name}: ` : ''}${memorySummary(s, labels)}`);
  };

  return liveView(el, { remove: () => { tracker.stop(); svg.remove(); summary.remove(); } }, draw);
}

/** The fitted range's lags, thinned to ≤ 120 points (lines, not data). */
function dense(lags: number[]): number[] {
  if (!lags.length) return [];
  const lo = Math.min(...lags);
  const hi = Math.max(...lags);
  const n = Math.min(120, Math.max(2, lags.length));
  return Array.from({ length: n }, (_, i) => lo * Math.pow(hi / lo, i / (n - 1)));
}
