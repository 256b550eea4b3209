// Norms through time on a log axis: ‖∂h_T/∂h_t‖ and ‖∂h_T/∂x_t‖ against t (or, with other series,
// the one-step Jacobian's spectral radius and σ_max). A value a log axis cannot show is drawn, not
// dropped: 0 (underflow) as a triangle on the bottom edge, Infinity (overflow) as a triangle on the
// top edge, NaN as a hollow circle. Each curve carries its numbers (`data-values`) and its overall
// log slope (`data-slope`, < 0 falling) for tests and curious readers. Several series overlay
// (Compare: one per cell). Optional: a reference line (1 for radii), and a picked t (click).
import { scaleLinear, scaleLog } from 'd3-scale';
import { axisBottom, axisLeft } from 'd3-axis';
import { line } from 'd3-shape';
import { pointer, select } from 'd3-selection';
import { INSTRUMENT, CHART } from './palette';
import { createFrame, logTick, majorLogTicks, showAxes } from './chart-frame';
import { liveView, type ChartView } from './raf';
import { chartVars } from './theme-vars';
import { docLang, seriesAlt } from './alt-text';
import { trackWidth } from './width-cache';
import { logExtent, logSlope, placePoints, valuesAttr, type PlacedPoint } from './instrument-scales';

export interface NormSeries {
  id: string;
  name: string;
  color: string;
  /** values[i] sits at x = x0 + i. */
  values: ArrayLike<number>;
  x0?: number;
  /** Explicit x per value (training steps that were sampled); overrides x0. */
  xs?: ArrayLike<number>;
  dash?: string;
}

export interface JacobianChartData {
  series: NormSeries[];
  /** A dashed horizontal line (1 for spectral radii: above it the step expands). */
  reference?: number | null;
  /** The t picked for the one-step eigenvalues (a vertical rule). */
  picked?: number | null;
  emptyText?: string;
}

export interface JacobianChartOptions {
  testId: string;
  height?: number;
  emptyText?: string;
  /** Label under the x axis, e.g. 't'. */
  xLabel?: string;
  /** Clicking the plot picks the nearest integer x (the one-step Jacobian's t). */
  onPick?: (x: number) => void;
}

const MARK = 4.5;

export function createJacobianChart(el: HTMLElement, opts: JacobianChartOptions): ChartView<JacobianChartData> {
  const tracker = trackWidth(el);
  const frame = createFrame(el, opts.testId, opts.height ?? 200, opts.emptyText ?? '', tracker.width);
  const refLine = frame.plot.append('line').attr('class', 'reference').attr('stroke', INSTRUMENT.reference)
    .attr('stroke-dasharray', '5 4').attr('stroke-width', 1).attr('display', 'none');
  const pickRule = frame.plot.append('line').attr('class', 'picked').attr('stroke', CHART.axis).attr('stroke-width', 1).attr('display', 'none');
  const lines = frame.plot.append('g').attr('class', 'series');
  const legend = frame.svg.append('g').attr('class', 'legend');
  const xLabel = frame.svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'end').attr('font-size', 11).attr('fill', CHART.axis);
  const hit = frame.plot.append('rect').attr('class', 'hit').attr('fill', 'transparent');
  const st: { x: ((v: number) => number) & { invert(v: number): number }; lo: number; hi: number } = {
    x: scaleLinear(), lo: 0, hi: 1,
  };
  if (opts.onPick) {
    hit.style('cursor', 'crosshair').on('click', (ev: MouseEvent) => {
      const [px] = pointer(ev, frame.plot.node());
      const t = Math.round(st.x.invert(px));
      opts.onPick?.(Math.min(st.hi, Math.max(st.lo, t)));
    });
  } else hit.attr('pointer-events', 'none');

  const draw = (d: JacobianChartData) => {
    const { width, height, innerW, innerH } = frame.size();
    const series = d.series.filter((s) => s.values.length > 0);
    const any = series.length > 0;
    frame.svg.attr('aria-label', seriesAlt(series.map((s) => ({ name: s.name, values: s.values, xs: s.xs ?? Array.from(s.values, (_, i) => i + (s.x0 ?? 0)) })), docLang(), { xName: opts.xLabel, reference: d.reference }));
    frame.empty.attr('display', any ? 'none' : null);
    if (d.emptyText) frame.empty.text(d.emptyText);
    showAxes(frame, any);
    const placed = series.map((s) => ({ s, pts: placePoints(s.values, s.x0 ?? 0, s.xs) }));
    const xs = placed.flatMap((p) => p.pts.map((q) => q.x));
    const lo = xs.length ? Math.min(...xs) : 0;
    const hi = xs.length ? Math.max(...xs) : 1;
    const x = scaleLinear().domain([lo, Math.max(lo + 1, hi)]).range([0, innerW]);
    st.x = x;
    st.lo = lo;
    st.hi = hi;
    const ys = placed.flatMap((p) => p.pts.filter((q) => q.kind === 'finite').map((q) => q.v));
    if (d.reference) ys.push(d.reference);
    // Headroom above the data for the legend row(s), so no curve runs under the names.
    let rows = 0;
    // Presentation mode's larger type (--chart-scale) spreads the legend out as much.
    const k = series.length > 1 ? chartVars(el).scale : 1;
    if (series.length > 1) {
      let w = 0;
      rows = 1;
      for (const s of series) {
        const iw = (30 + Math.min(170, s.name.length * 6.4)) * k;
        if (w > 0 && w + iw > innerW) {
          rows++;
          w = 0;
        }
        w += iw;
      }
    }
    const [ylo, yhi] = logExtent(ys);
    const y = scaleLog().domain([ylo, yhi * Math.pow(yhi / ylo, 0.1 * rows)]).range([innerH, 0]).clamp(true);
    frame.xAxis.call(axisBottom(x).tickValues(x.ticks(6).filter(Number.isInteger)).tickFormat((v) => String(v)).tickSizeOuter(0));
    frame.yAxis.call(axisLeft(y).tickFormat((v) => logTick(+v)).tickValues(majorLogTicks(y.domain())));
    xLabel.attr('x', width - 6).attr('y', height - 4).text(any ? opts.xLabel ?? '' : '');
    hit.attr('width', innerW).attr('height', innerH);

    const ref = d.reference;
    refLine.attr('display', any && ref ? null : 'none');
    if (ref) refLine.attr('x1', 0).attr('x2', innerW).attr('y1', y(ref)).attr('y2', y(ref));
    const pk = d.picked;
    pickRule.attr('display', any && pk != null ? null : 'none');
    if (pk != null) pickRule.attr('x1', x(pk)).attr('x2', x(pk)).attr('y1', 0).attr('y2', innerH).attr('data-t', pk);

    const path = line<PlacedPoint>().defined((p) => p.kind === 'finite').x((p) => x(p.x)).y((p) => y(p.v));
    const groups = lines
      .selectAll<SVGGElement, (typeof placed)[number]>('g.s')
      .data(placed, (p) => p.s.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 's');
        g.append('path').attr('class', 'line').attr('fill', 'none').attr('stroke-width', 1.8);
        g.append('g').attr('class', 'markers');
        return g;
      })
      .attr('data-series', (p) => p.s.id);
    groups
      .select<SVGPathElement>('path.line')
      .attr('stroke', (p) => p.s.color)
      .attr('stroke-dasharray', (p) => p.s.dash ?? null)
      .attr('d', (p) => path(p.pts) ?? '')
      .attr('data-values', (p) => valuesAttr(p.s.values))
      .attr('data-slope', (p) => String(logSlope(p.s.values)))
      .attr('data-x0', (p) => String(p.s.x0 ?? 0));
    // Markers: triangles pointing off the plot at the edges (0 ↓, Inf ↑), hollow circles for NaN.
    const tri = (up: boolean) => (up ? `M0,${-MARK}L${MARK},${MARK * 0.7}L${-MARK},${MARK * 0.7}Z` : `M0,${MARK}L${MARK},${-MARK * 0.7}L${-MARK},${-MARK * 0.7}Z`);
    groups.each(function (this: SVGGElement, p) {
      const odd = p.pts.filter((q) => q.kind !== 'finite');
      const g = select(this).select<SVGGElement>('g.markers');
      g.selectAll<SVGPathElement, PlacedPoint>('path.marker')
        .data(odd)
        .join('path')
        .attr('class', (q) => `marker ${q.kind}`)
        .attr('data-t', (q) => q.x)
        .attr('d', (q) => (q.kind === 'nan' ? `M${-MARK},0a${MARK},${MARK} 0 1,0 ${2 * MARK},0a${MARK},${MARK} 0 1,0 ${-2 * MARK},0` : tri(q.kind === 'inf')))
        .attr('transform', (q) => `translate(${x(q.x)},${q.kind === 'inf' ? 0 : q.kind === 'zero' ? innerH : innerH / 2})`)
        .attr('fill', (q) => (q.kind === 'nan' ? 'none' : p.s.color))
        .attr('stroke', p.s.color)
        .attr('stroke-width', 1.2);
    });

    // Legend entries flow left to right and wrap inside the plot width.
    let cx = 0;
    let cy = 0;
    const items = series.map((s) => {
      const w = (30 + Math.min(170, s.name.length * 6.4)) * k;
      if (cx > 0 && cx + w > innerW) {
        cx = 0;
        cy += 15 * k;
      }
      const at = { s, x: cx, y: cy };
      cx += w;
      return at;
    });
    legend
      .attr('transform', `translate(${60},${14})`)
      .attr('display', any && series.length > 1 ? null : 'none')
      .selectAll<SVGGElement, (typeof items)[number]>('g.item')
      .data(items, (p) => p.s.id)
      .join((enter) => {
        const e = enter.append('g').attr('class', 'item');
        e.append('line').attr('x1', 0).attr('x2', 16).attr('y1', 0).attr('y2', 0).attr('stroke-width', 2.5);
        e.append('text').attr('x', 21).attr('dy', '0.32em').attr('font-size', 11);
        return e;
      })
      .attr('transform', (p) => `translate(${p.x},${p.y})`)
      .call((g) => g.select('line').attr('stroke', (p) => p.s.color).attr('stroke-dasharray', (p) => p.s.dash ?? null))
      .call((g) => g.select('text').text((p) => p.s.name));
  };

  return liveView(el, { remove: () => { tracker.stop(); frame.svg.remove(); } }, draw);
}
