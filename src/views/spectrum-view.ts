// One matrix's spectrum: its eigenvalues in the complex plane against the unit circle (equal aspect:
// a circle stays round), and its singular values as stems, largest first, with σ_max marked. Above
// the circle an eigenvalue's mode grows under repeated multiplication (a linear recurrence
// explodes); inside it shrinks. The svg carries `data-outside` (how many lie outside the circle),
// `data-radius` and `data-sigma-max`. A matrix without eigenvalues (not square) shows the stems only.
import { scaleLinear, scaleLog } from 'd3-scale';
import { axisBottom, axisLeft } from 'd3-axis';
import { select } from 'd3-selection';
import type { MatrixSpectrum } from '../engine/instruments/types';
import { CHART, INSTRUMENT } from './palette';
import { logTick, majorLogTicks } from './chart-frame';
import { liveView, type ChartView } from './raf';
import { docLang, spectrumAlt } from './alt-text';
import { trackWidth } from './width-cache';
import { complexExtent, countOutside } from './instrument-scales';

export interface SpectrumData {
  spectrum: MatrixSpectrum | null;
  /** Colour of the eigenvalue dots (Compare: the cell's colour). */
  color?: string;
  emptyText?: string;
}

export interface SpectrumLabels {
  /** Caption of the complex plane, e.g. 'eigenvalues λ'. */
  eigen: string;
  /** Caption of the stems, e.g. 'singular values σ'. */
  singular: string;
  /** Where there are no eigenvalues (not square). */
  noEigen: string;
}

export interface SpectrumOptions {
  testId?: string;
  height?: number;
  labels?: SpectrumLabels;
  /** Eigenvalues only (the one-step Jacobian at a chosen t): no stem plot. */
  eigenOnly?: boolean;
}

const M = { top: 18, right: 10, bottom: 24, left: 40 };

export function createSpectrumView(el: HTMLElement, opts: SpectrumOptions = {}): ChartView<SpectrumData> {
  const height = opts.height ?? 220;
  const tracker = trackWidth(el);
  const labels = opts.labels ?? { eigen: 'eigenvalues', singular: 'singular values', noEigen: 'not square: no eigenvalues' };
  const svg = select(el).append('svg').attr('data-testid', opts.testId ?? 'spectrum-view').attr('class', 'chart spectrum').attr('role', 'img');
  const plane = svg.append('g').attr('class', 'plane');
  const planeAxes = { x: plane.append('g').attr('class', 'axis x'), y: plane.append('g').attr('class', 'axis y') };
  const circle = plane.append('circle').attr('class', 'unit-circle').attr('fill', 'none').attr('stroke', INSTRUMENT.reference).attr('stroke-dasharray', '4 3');
  const dots = plane.append('g').attr('class', 'eigs');
  const planeCaption = plane.append('text').attr('class', 'caption').attr('font-size', 11).attr('fill', CHART.text);
  const noEig = plane.append('text').attr('class', 'chart-empty').attr('text-anchor', 'middle').attr('font-size', 11);
  const stems = svg.append('g').attr('class', 'stems');
  const stemAxes = { x: stems.append('g').attr('class', 'axis x'), y: stems.append('g').attr('class', 'axis y') };
  const stemBars = stems.append('g').attr('class', 'bars');
  const maxMark = stems.append('g').attr('class', 'sigma-max');
  maxMark.append('line').attr('stroke', INSTRUMENT.secondary).attr('stroke-dasharray', '3 2');
  maxMark.append('text').attr('font-size', 11).attr('fill', INSTRUMENT.secondary);
  const stemCaption = stems.append('text').attr('class', 'caption').attr('font-size', 11).attr('fill', CHART.text);
  const empty = svg.append('text').attr('class', 'chart-empty').attr('text-anchor', 'middle');

  const draw = (d: SpectrumData) => {
    const width = Math.max(240, tracker.width() || 480);
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    const s = d.spectrum;
    svg.attr('aria-label', spectrumAlt(s, docLang()));
    empty.attr('x', width / 2).attr('y', height / 2).text(d.emptyText ?? '').attr('display', s ? 'none' : null);
    plane.attr('display', s ? null : 'none');
    stems.attr('display', s && !opts.eigenOnly ? null : 'none');
    if (!s) {
      svg.attr('data-outside', null).attr('data-radius', null).attr('data-sigma-max', null);
      return;
    }
    const eigs = s.eigenvalues;
    const outside = countOutside(eigs);
    svg.attr('data-outside', eigs ? outside : null).attr('data-radius', s.radius ?? '').attr('data-sigma-max', s.sigmaMax).attr('data-id', s.id);

    // The plane: a square (equal aspect) as tall as the view allows.
    const side = Math.min(height - M.top - M.bottom, opts.eigenOnly ? width - M.left - M.right : (width - M.left - M.right) * 0.48);
    plane.attr('transform', `translate(${M.left},${M.top})`);
    const ext = complexExtent(eigs);
    const x = scaleLinear().domain([-ext, ext]).range([0, side]);
    const y = scaleLinear().domain([-ext, ext]).range([side, 0]);
    planeAxes.x.attr('transform', `translate(0,${side})`).call(axisBottom(x).ticks(4).tickSizeOuter(0));
    planeAxes.y.call(axisLeft(y).ticks(4).tickSizeOuter(0));
    circle.attr('cx', x(0)).attr('cy', y(0)).attr('r', x(1) - x(0)).attr('display', eigs ? null : 'none');
    planeCaption.attr('x', 4).attr('y', -5).text(eigs ? `${labels.eigen}${s.radius != null ? ` · ρ = ${fmt(s.radius)}` : ''}` : '');
    noEig.attr('x', side / 2).attr('y', side / 2).text(eigs ? '' : labels.noEigen);
    const pts = (eigs ?? []).filter(([re, im]) => Number.isFinite(re) && Number.isFinite(im));
    dots
      .selectAll<SVGCircleElement, [number, number]>('circle')
      .data(pts)
      .join('circle')
      .attr('class', (l) => (Math.hypot(l[0], l[1]) > 1 + 1e-6 ? 'eig outside' : 'eig'))
      .attr('r', 2.6)
      .attr('cx', (l) => x(l[0]))
      .attr('cy', (l) => y(l[1]))
      .attr('fill', (l) => (Math.hypot(l[0], l[1]) > 1 + 1e-6 ? INSTRUMENT.outside : d.color ?? INSTRUMENT.primary))
      .attr('stroke', (l) => (Math.hypot(l[0], l[1]) > 1 + 1e-6 ? '#000' : 'none'))
      .attr('stroke-width', 0.6)
      .attr('fill-opacity', 0.85);
    if (opts.eigenOnly) return;

    // The stems: σ_i against i (log y), σ_max marked.
    const sx0 = M.left + side + 46;
    const sw = Math.max(60, width - sx0 - M.right);
    const sh = height - M.top - M.bottom;
    stems.attr('transform', `translate(${sx0},${M.top})`);
    const sv = s.singularValues.filter((v) => Number.isFinite(v) && v > 0);
    const hi = Math.max(...sv, 1e-12);
    const lo = Math.min(...sv, hi);
    const yl = scaleLog().domain([Math.min(lo, hi / 10) / 1.2, hi * 1.25]).range([sh, 0]).clamp(true);
    const xs = scaleLinear().domain([0, Math.max(1, s.singularValues.length)]).range([0, sw]);
    stemAxes.x.attr('transform', `translate(0,${sh})`).call(axisBottom(xs).ticks(4).tickFormat((v) => String(v)).tickSizeOuter(0));
    stemAxes.y.call(axisLeft(yl).tickValues(majorLogTicks(yl.domain())).tickFormat((v) => logTick(+v)));
    stemBars
      .selectAll<SVGLineElement, number>('line')
      .data(s.singularValues)
      .join('line')
      .attr('x1', (_, i) => xs(i + 0.5))
      .attr('x2', (_, i) => xs(i + 0.5))
      .attr('y1', sh)
      .attr('y2', (v) => (v > 0 && Number.isFinite(v) ? yl(v) : sh))
      .attr('stroke', (_, i) => (i === 0 ? INSTRUMENT.secondary : d.color ?? INSTRUMENT.primary))
      .attr('stroke-width', Math.max(1, Math.min(4, sw / Math.max(1, s.singularValues.length) - 1)));
    const top = Number.isFinite(s.sigmaMax) && s.sigmaMax > 0 ? yl(s.sigmaMax) : 0;
    maxMark.select('line').attr('x1', 0).attr('x2', sw).attr('y1', top).attr('y2', top);
    maxMark.select('text').attr('x', sw).attr('y', top - 3).attr('text-anchor', 'end').text(`σ_max = ${fmt(s.sigmaMax)}`);
    stemCaption.attr('x', 0).attr('y', -5).text(labels.singular);
  };

  return liveView(el, { remove: () => { tracker.stop(); svg.remove(); } }, draw);
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : String(+v.toPrecision(3));
}
