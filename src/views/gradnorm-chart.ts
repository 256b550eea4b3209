// ‖∂L/∂h_t‖ over t on a log axis: the picture of vanishing (left bars tiny) or exploding gradients.
import 'd3-transition';
import { scaleBand, scaleLog } from 'd3-scale';
import { axisBottom, axisLeft } from 'd3-axis';
import { line } from 'd3-shape';
import { CHART } from './palette';
import { createFrame, logDomain, logTick, majorLogTicks, showAxes } from './chart-frame';
import { liveView, type ChartView } from './raf';
import { docLang, gradNormAlt } from './alt-text';

export interface GradNormData {
  norms: ArrayLike<number>;
  emptyText?: string;
}

const FLOOR = 1e-12;

export function createGradNormChart(el: HTMLElement, opts: { emptyText?: string; height?: number } = {}): ChartView<GradNormData> {
  const frame = createFrame(el, 'gradnorm-chart', opts.height ?? 200, opts.emptyText ?? 'waiting for gradients…');
  // The line through the bar tops reads as the decay profile; the bars keep single steps legible.
  const bars = frame.plot.append('g').attr('class', 'bars');
  const path = frame.plot.append('path').attr('class', 'line').attr('fill', 'none').attr('stroke', CHART.text).attr('stroke-width', 1.5);

  const draw = (d: GradNormData) => {
    const { innerW, innerH } = frame.size();
    const norms = Array.from(d.norms);
    frame.svg.attr('aria-label', gradNormAlt(norms, docLang()));
    frame.empty.attr('display', norms.length ? 'none' : null);
    showAxes(frame, norms.length > 0);
    const T = norms.length;
    const x = scaleBand<number>().domain(norms.map((_, t) => t)).range([0, innerW]).padding(T > 60 ? 0 : 0.15);
    const y = scaleLog().domain(logDomain(norms, FLOOR)).range([innerH, 0]).clamp(true).nice();
    const tickEvery = Math.max(1, Math.ceil(T / 10));
    frame.xAxis.call(
      axisBottom(x)
        .tickValues(norms.map((_, t) => t).filter((t) => t % tickEvery === 0))
        .tickSizeOuter(0),
    );
    frame.yAxis.call(axisLeft(y).tickFormat((v) => logTick(+v)).tickValues(majorLogTicks(y.domain())));
    const profile = line<number>()
      .defined((v) => Number.isFinite(v))
      .x((_, t) => (x(t) ?? 0) + x.bandwidth() / 2)
      .y((v) => y(Math.max(FLOOR, v)));
    // The line moves with the bars (same transition), or between updates it floats off their tops.
    const next = profile(norms) ?? '';
    if (path.attr('d')?.split('L').length === next.split('L').length) path.transition().duration(120).attr('d', next);
    else path.interrupt().attr('d', next);
    bars
      .selectAll<SVGRectElement, number>('rect.bar')
      .data(norms)
      .join('rect')
      .attr('class', 'bar')
      .attr('x', (_, t) => x(t) ?? 0)
      .attr('width', Math.max(1, x.bandwidth()))
      .attr('fill', (v) => (Number.isFinite(v) ? CHART.grad : '#b8bcc4'))
      .attr('fill-opacity', 0.55)
      .transition()
      .duration(120)
      .attr('y', (v) => (Number.isFinite(v) ? y(Math.max(FLOOR, v)) : 0))
      .attr('height', (v) => (Number.isFinite(v) ? innerH - y(Math.max(FLOOR, v)) : innerH));
  };

  return liveView(el, frame.svg, draw, (d) => {
    if (d.emptyText) frame.empty.text(d.emptyText);
  });
}
