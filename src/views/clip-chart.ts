// Clipping: the gradient's global norm per training step before (raw) and after clipping, on one log
// chart, with the threshold as a dashed line; with singular-value clipping on, a second chart
// shows σ_max of the recurrent blocks before and after, with its bound.
import { createJacobianChart } from './jacobian-chart';
import { INSTRUMENT } from './palette';
import type { ClipPoint } from '../engine/instruments/types';
import type { ChartView } from './raf';
import { select } from 'd3-selection';

export interface ClipData {
  points: ClipPoint[];
  /** clipNorm (0 or null: off). */
  threshold: number | null;
  /** svClip (0 or null: off). */
  svThreshold: number | null;
  emptyText?: string;
}

export interface ClipLabels {
  raw: string;
  clipped: string;
  svBefore: string;
  svAfter: string;
}

/** The points as series over the step axis (the steps that were reported, in order). */
export function clipSeries(points: ClipPoint[]): { steps: number[]; raw: number[]; clipped: number[]; svSteps: number[]; svBefore: number[]; svAfter: number[] } {
  const sorted = [...points].sort((p, q) => p.step - q.step);
  const sv = sorted.filter((p) => p.svBefore !== undefined || p.svAfter !== undefined);
  return {
    steps: sorted.map((p) => p.step),
    raw: sorted.map((p) => p.raw),
    clipped: sorted.map((p) => p.clipped),
    svSteps: sv.map((p) => p.step),
    svBefore: sv.map((p) => p.svBefore ?? NaN),
    svAfter: sv.map((p) => p.svAfter ?? NaN),
  };
}

export function createClipChart(el: HTMLElement, opts: { testId?: string; height?: number; labels?: ClipLabels; xLabel?: string } = {}): ChartView<ClipData> {
  const labels = opts.labels ?? { raw: 'raw', clipped: 'clipped', svBefore: 'σ_max before', svAfter: 'σ_max after' };
  const testId = opts.testId ?? 'clip-chart';
  const root = select(el).append('div').attr('class', 'clip-charts');
  const a = root.append('div').node() as HTMLDivElement;
  const b = root.append('div').attr('class', 'sv').node() as HTMLDivElement;
  const norm = createJacobianChart(a, { testId, height: opts.height ?? 180, xLabel: opts.xLabel ?? 'step' });
  const sv = createJacobianChart(b, { testId: `${testId}-sv`, height: 140, xLabel: opts.xLabel ?? 'step' });
  return {
    update(d) {
      const s = clipSeries(d.points);
      const keep = d.points.length > 0;
      norm.update({
        series: keep ? [
          { id: 'raw', name: labels.raw, color: INSTRUMENT.primary, values: s.raw, xs: s.steps },
          { id: 'clipped', name: labels.clipped, color: INSTRUMENT.secondary, values: s.clipped, xs: s.steps, dash: '5 3' },
        ] : [],
        reference: d.threshold && d.threshold > 0 ? d.threshold : null,
        emptyText: d.emptyText,
      });
      const hasSv = s.svSteps.length > 0;
      b.style.display = hasSv ? '' : 'none';
      sv.update({
        series: hasSv ? [
          { id: 'sv-before', name: labels.svBefore, color: INSTRUMENT.primary, values: s.svBefore, xs: s.svSteps },
          { id: 'sv-after', name: labels.svAfter, color: INSTRUMENT.secondary, values: s.svAfter, xs: s.svSteps, dash: '5 3' },
        ] : [],
        reference: d.svThreshold && d.svThreshold > 0 ? d.svThreshold : null,
      });
    },
    destroy() {
      norm.destroy();
      sv.destroy();
      root.remove();
    },
  };
}
