// The task's baseline on a loss chart: a dashed horizontal line at the loss of the best
// input-independent predictor (what a model that learned nothing scores), labelled at its right
// end. A curve has to fall clearly below it before anything was remembered.
import type { Selection } from 'd3-selection';
import { CHART } from './palette';

export interface Baseline {
  value: number;
  label: string;
}

export function createBaselineLine(plot: Selection<SVGGElement, unknown, null, undefined>) {
  const g = plot.append('g').attr('class', 'baseline').attr('display', 'none');
  const rule = g.append('line').attr('stroke', CHART.axis).attr('stroke-width', 1.2).attr('stroke-dasharray', '6 4');
  // A white halo keeps the label legible where it crosses a curve.
  const text = g.append('text').attr('text-anchor', 'end').attr('fill', CHART.axis).attr('font-size', 10.5)
    .attr('stroke', '#fff').attr('stroke-width', 3).attr('stroke-linejoin', 'round').attr('paint-order', 'stroke');
  return {
    /** Hidden when there is no baseline or no data to compare it with. */
    draw(y: (v: number) => number, innerW: number, baseline: Baseline | null | undefined, visible: boolean) {
      const on = visible && !!baseline && Number.isFinite(baseline.value) && baseline.value > 0;
      g.attr('display', on ? null : 'none');
      if (!on || !baseline) return;
      const at = y(baseline.value);
      g.attr('data-value', String(baseline.value));
      rule.attr('x1', 0).attr('x2', innerW).attr('y1', at).attr('y2', at);
      // Above the line, unless that would leave the plot.
      text.attr('x', innerW - 4).attr('y', at < 14 ? at + 12 : at - 4).text(`${baseline.label} = ${+baseline.value.toPrecision(3)}`);
    },
  };
}
