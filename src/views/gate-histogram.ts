// Gate saturation: one small histogram per gate of its activations over the probe sequence (all
// units, all steps), with the fractions below 0.1 and above 0.9 written on it. A trained gate that
// decides sits near 0 or 1 (the two outer bands are shaded); one stuck at 0.5 has not learnt to choose.
import { scaleLinear } from 'd3-scale';
import { axisBottom } from 'd3-axis';
import { select } from 'd3-selection';
import type { GateHistogram } from '../engine/instruments/types';
import { CHART, gateColor, gateTextColor } from './palette';
import { liveView, type ChartView } from './raf';
import { docLang, histogramAlt } from './alt-text';
import { formatPercent } from './instrument-scales';

export interface GateHistogramData {
  gates: GateHistogram[];
  /** Display name per gate id (plain text: SVG). */
  names?: Record<string, string>;
  emptyText?: string;
}

/** The text written on a gate's histogram: "< 0.1: 12% · > 0.9: 30%". */
export function saturationText(g: Pick<GateHistogram, 'below' | 'above'>): string {
  return `< 0.1: ${formatPercent(g.below)} · > 0.9: ${formatPercent(g.above)}`;
}

const W = 190;
const H = 110;

export function createGateHistograms(el: HTMLElement, opts: { testId?: string } = {}): ChartView<GateHistogramData> {
  const root = select(el).append('div').attr('class', 'gate-histograms').attr('data-testid', opts.testId ?? 'gate-histograms');
  const empty = root.append('div').attr('class', 'chart-empty-text');

  const draw = (d: GateHistogramData) => {
    empty.text(d.gates.length ? '' : d.emptyText ?? '').style('display', d.gates.length ? 'none' : '');
    const boxes = root
      .selectAll<SVGSVGElement, GateHistogram>('svg.gate-hist')
      .data(d.gates, (g) => g.id)
      .join((enter) => {
        const svg = enter.append('svg').attr('class', 'chart gate-hist').attr('width', W).attr('height', H).attr('viewBox', `0 0 ${W} ${H}`);
        svg.append('rect').attr('class', 'band lo').attr('fill', '#eef2f7');
        svg.append('rect').attr('class', 'band hi').attr('fill', '#eef2f7');
        svg.append('g').attr('class', 'bars');
        svg.append('g').attr('class', 'axis x');
        svg.append('text').attr('class', 'name').attr('x', 4).attr('y', 12).attr('font-size', 11).attr('font-weight', 600);
        svg.append('text').attr('class', 'sat').attr('x', 4).attr('y', 26).attr('font-size', 10).attr('fill', CHART.text);
        return svg;
      })
      .attr('data-gate', (g) => g.id)
      .attr('data-below', (g) => g.below)
      .attr('data-above', (g) => g.above);
    boxes.each(function (this: SVGSVGElement, g) {
      const svg = select(this);
      const ml = 6;
      const top = 32;
      const bottom = H - 18;
      const x = scaleLinear().domain([g.lo, g.hi]).range([ml, W - ml]);
      const n = g.counts.length;
      const max = Math.max(1, ...g.counts);
      const y = scaleLinear().domain([0, max]).range([bottom, top]);
      const unit = g.lo >= 0 && g.hi <= 1;
      svg.select('rect.band.lo').attr('x', x(g.lo)).attr('width', unit ? x(0.1) - x(g.lo) : 0).attr('y', top).attr('height', bottom - top);
      svg.select('rect.band.hi').attr('x', x(0.9)).attr('width', unit ? x(g.hi) - x(0.9) : 0).attr('y', top).attr('height', bottom - top);
      const bw = (W - 2 * ml) / Math.max(1, n);
      svg.select('g.bars')
        .selectAll<SVGRectElement, number>('rect')
        .data(g.counts)
        .join('rect')
        .attr('x', (_, i) => ml + i * bw)
        .attr('width', Math.max(0.5, bw - 0.5))
        .attr('y', (c) => y(c))
        .attr('height', (c) => bottom - y(c))
        .attr('fill', gateColor(g.id));
      svg.select<SVGGElement>('g.axis.x').attr('transform', `translate(0,${bottom})`).call(axisBottom(x).ticks(3).tickSizeOuter(0));
      svg.attr('role', 'img').attr('aria-label', histogramAlt(g, d.names?.[g.id] ?? g.id, docLang()));
      svg.select('text.name').attr('fill', gateTextColor(g.id, typeof document !== 'undefined' && document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light')).text(d.names?.[g.id] ?? g.id);
      svg.select('text.sat').text(unit ? saturationText(g) : '');
    });
  };

  return liveView(el, root, draw);
}
