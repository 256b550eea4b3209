// Shared SVG scaffolding for the small charts: sized to the container, with axis groups.
import { select, type Selection } from 'd3-selection';

export interface Frame {
  svg: Selection<SVGSVGElement, unknown, null, undefined>;
  plot: Selection<SVGGElement, unknown, null, undefined>;
  xAxis: Selection<SVGGElement, unknown, null, undefined>;
  yAxis: Selection<SVGGElement, unknown, null, undefined>;
  y2Axis: Selection<SVGGElement, unknown, null, undefined>;
  empty: Selection<SVGTextElement, unknown, null, undefined>;
  size(): { width: number; height: number; innerW: number; innerH: number };
}

export const MARGIN = { top: 12, right: 44, bottom: 28, left: 48 };

/** Axes only make sense with data; the empty text stands alone until then. */
export function showAxes(frame: Frame, on: boolean): void {
  for (const a of [frame.xAxis, frame.yAxis, frame.y2Axis]) a.attr('display', on ? null : 'none');
}

/** `width` (optional) reads the container's width without forcing a layout (see width-cache.ts). */
export function createFrame(el: HTMLElement, testId: string, height: number, emptyText: string, width?: () => number): Frame {
  const svg = select(el).append('svg').attr('data-testid', testId).attr('class', 'chart').attr('role', 'img');
  const plot = svg.append('g').attr('class', 'plot');
  const xAxis = svg.append('g').attr('class', 'axis x');
  const yAxis = svg.append('g').attr('class', 'axis y');
  const y2Axis = svg.append('g').attr('class', 'axis y2');
  const empty = svg.append('text').attr('class', 'chart-empty').attr('text-anchor', 'middle').text(emptyText);
  const width0 = width;
  const size = () => {
    const width = Math.max(200, (width0 ? width0() : el.clientWidth) || 480);
    const innerW = width - MARGIN.left - MARGIN.right;
    const innerH = height - MARGIN.top - MARGIN.bottom;
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    plot.attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
    xAxis.attr('transform', `translate(${MARGIN.left},${MARGIN.top + innerH})`);
    yAxis.attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
    y2Axis.attr('transform', `translate(${MARGIN.left + innerW},${MARGIN.top})`);
    empty.attr('x', width / 2).attr('y', height / 2);
    return { width, height, innerW, innerH };
  };
  size();
  return { svg, plot, xAxis, yAxis, y2Axis, empty, size };
}

/** Log-axis tick labels people read: 0.2, 1, 10 in the usual range, 1e-6 outside it. */
export function logTick(v: number): string {
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 1e-3 && a < 1e4) return String(+v.toPrecision(2));
  return v.toExponential(0).replace('e-', 'e−');
}

/** Powers of ten inside the domain (thinned to ≤ 6), plus 2× and 5× when a decade is all there is. */
export function majorLogTicks([lo, hi]: number[]): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    const span = Math.log10(hi / lo);
    const mults = span <= 0.6 ? [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8] : span <= 1.5 ? [1, 2, 5] : [1];
    for (const m of mults) {
      const v = m * 10 ** e;
      if (v >= lo * 0.999 && v <= hi * 1.001) out.push(v);
    }
  }
  if (out.length < 2) return [lo, Math.sqrt(lo * hi), hi];
  const stride = Math.ceil(out.length / 6);
  return out.filter((_, i) => i % stride === 0);
}

/** Log axes cannot show 0 or negatives; clamp to a floor so a perfect loss still plots. */
export function logDomain(values: number[], floor = 1e-8): [number, number] {
  const pos = values.filter((v) => Number.isFinite(v) && v > 0);
  if (!pos.length) return [floor * 10, 1];
  let lo = Math.max(floor, Math.min(...pos));
  let hi = Math.max(...pos);
  // A little headroom in log space; a flat series still gets a visible band.
  const ratio = hi / lo;
  const pad = ratio < 1.5 ? 1.3 : Math.max(1.15, Math.pow(ratio, 0.06));
  lo /= pad;
  hi *= pad;
  return [Math.max(floor, lo), hi];
}
