// Several named series over one x axis, with a legend: compared cells' loss curves (log y, x = step),
// their ‖∂L/∂h_t‖ profiles (log y, x = t), or a cell's diagnostics over steps (linear y).
import { scaleLinear, scaleLog } from 'd3-scale';
import { axisBottom, axisLeft } from 'd3-axis';
import { line } from 'd3-shape';
import { createFrame, logDomain, logTick, majorLogTicks, showAxes } from './chart-frame';
import { liveView, type ChartView } from './raf';
import { chartVars } from './theme-vars';
import { createBaselineLine, type Baseline } from './baseline-line';
import { docLang, seriesAlt } from './alt-text';

export interface Series {
  id: string;
  name: string;
  color: string;
  /** [x, y] pairs in x order; non-finite y leaves a gap. */
  points: [number, number][];
}

export interface MultiLineData {
  series: Series[];
  /** A dashed reference line (the task's baseline loss); the y axis always reaches it. */
  baseline?: Baseline | null;
}

export interface MultiLineOptions {
  testId: string;
  height?: number;
  log?: boolean;
  emptyText?: string;
  /** Discrete x (steps, timesteps): integer ticks only. */
  integerX?: boolean;
  /** Dots at each point too, for short series such as T timesteps. */
  dots?: boolean;
}

const FLOOR = 1e-12;

interface Dot {
  x: number;
  y: number;
  color: string;
}

/** Tiny diagnostics (uRNN's |σ−1| ~ 1e-6) read as 4e-7, not 0.0000004. */
export function linearTick(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) return v.toExponential(0).replace('e-', 'e−');
  return String(+v.toPrecision(3));
}

function linearDomain(values: number[]): [number, number] {
  const v = values.filter(Number.isFinite);
  if (!v.length) return [0, 1];
  let lo = Math.min(...v);
  let hi = Math.max(...v);
  if (hi - lo < 1e-9) {
    const pad = Math.max(Math.abs(hi) * 0.1, 1e-3);
    lo -= pad;
    hi += pad;
  }
  return [lo, hi];
}

export function createMultiLineChart(el: HTMLElement, opts: MultiLineOptions): ChartView<MultiLineData> {
  const frame = createFrame(el, opts.testId, opts.height ?? 220, opts.emptyText ?? '');
  const lines = frame.plot.append('g').attr('class', 'series');
  const legend = frame.svg.append('g').attr('class', 'legend');
  const baseline = createBaselineLine(frame.plot);

  const draw = (d: MultiLineData) => {
    const { innerW, innerH } = frame.size();
    const withData = d.series.filter((s) => s.points.length > 0);
    frame.svg.attr('aria-label', seriesAlt(withData.map((s) => ({ name: s.name, values: s.points.map((p) => p[1]), xs: s.points.map((p) => p[0]) })), docLang(), { reference: d.baseline?.value }));
    const any = withData.length > 0;
    frame.empty.attr('display', any ? 'none' : null);
    showAxes(frame, any);
    const xs = withData.flatMap((s) => s.points.map((p) => p[0]));
    const ys = withData.flatMap((s) => s.points.map((p) => p[1]));
    if (any && d.baseline) ys.push(d.baseline.value);
    const x0 = xs.length ? Math.min(...xs) : 0;
    const x1 = xs.length ? Math.max(...xs) : 1;
    const x = scaleLinear().domain([x0, Math.max(x0 + 1, x1)]).range([0, innerW]);
    // Headroom above the data for the legend row(s), so no curve runs under the names.
    const legendRows = d.series.length > 1 ? 1 + Math.floor(d.series.length / 3) : 0;
    const [ly0, ly1] = logDomain(ys, FLOOR);
    const [y0, y1] = linearDomain(ys);
    const y = opts.log
      ? scaleLog().domain([ly0, ly1 * Math.pow(ly1 / ly0, 0.12 * legendRows)]).range([innerH, 0]).clamp(true)
      : scaleLinear().domain([y0, y1 + (y1 - y0) * 0.12 * legendRows]).range([innerH, 0]).nice();
    const xTicks = opts.integerX ? x.ticks(6).filter(Number.isInteger) : x.ticks(6);
    frame.xAxis.call(axisBottom(x).tickValues(xTicks).tickFormat((v) => String(v)).tickSizeOuter(0));
    if (opts.log) frame.yAxis.call(axisLeft(y).tickFormat((v) => logTick(+v)).tickValues(majorLogTicks(y.domain())));
    else frame.yAxis.call(axisLeft(y).ticks(4).tickFormat((v) => linearTick(+v)));
    const yOf = (v: number) => y(opts.log ? Math.max(FLOOR, v) : v);
    const path = line<[number, number]>()
      .defined((p) => Number.isFinite(p[1]) && (!opts.log || p[1] > 0))
      .x((p) => x(p[0]))
      .y((p) => yOf(p[1]));

    const groups = lines
      .selectAll<SVGGElement, Series>('g.s')
      .data(d.series, (s) => s.id)
      .join((enter) => {
        const g = enter.append('g').attr('class', 's');
        g.append('path').attr('class', 'line').attr('fill', 'none').attr('stroke-width', 1.8);
        return g;
      })
      .attr('data-series', (s) => s.id);
    baseline.draw(yOf, innerW, d.baseline, any);
    groups.select('path.line').attr('stroke', (s) => s.color).attr('d', (s) => path(s.points) ?? '');
    groups
      .selectAll<SVGCircleElement, Dot>('circle')
      .data((s) => (opts.dots ? s.points.filter((p) => Number.isFinite(p[1])).map((p) => ({ x: p[0], y: p[1], color: s.color })) : []))
      .join('circle')
      .attr('r', 2.2)
      .attr('cx', (p) => x(p.x))
      .attr('cy', (p) => yOf(p.y))
      .attr('fill', (p) => p.color);

    // Legend entries flow left to right and wrap inside the plot width.
    // Presentation mode's larger type (--chart-scale) spreads the entries out as much.
    const k = d.series.length > 1 ? chartVars(el).scale : 1;
    let cx = 0;
    let cy = 0;
    const placed = d.series.map((s) => {
      const w = (26 + Math.min(160, s.name.length * 6.6)) * k + 14;
      if (cx > 0 && cx + w > innerW) {
        cx = 0;
        cy += 16 * k;
      }
      const at = { s, x: cx, y: cy };
      cx += w;
      return at;
    });
    legend
      .attr('transform', `translate(${60},${14})`)
      // One series is named by its caption already; a legend only helps to tell several apart.
      .attr('display', any && d.series.length > 1 ? null : 'none')
      .selectAll<SVGGElement, (typeof placed)[number]>('g.item')
      .data(placed, (p) => p.s.id)
      .join((enter) => {
        const e = enter.append('g').attr('class', 'item');
        e.append('line').attr('x1', 0).attr('x2', 16).attr('y1', 0).attr('y2', 0).attr('stroke-width', 2.5);
        e.append('text').attr('x', 21).attr('dy', '0.32em');
        return e;
      })
      .attr('transform', (p) => `translate(${p.x},${p.y})`)
      .call((g) => g.select('line').attr('stroke', (p) => p.s.color))
      .call((g) => g.select('text').text((p) => p.s.name));
  };

  return liveView(el, frame.svg, draw);
}
