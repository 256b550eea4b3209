// What the canvas views cannot get from CSS by themselves: the theme's axis/text/grid colours and
// the presentation-mode scale (app.css: --chart-axis, --chart-text, --chart-grid, --chart-scale),
// read from the element's computed style at draw time. SVG views get the same from CSS rules.
import { CHART } from './palette';

export interface ChartVars {
  axis: string;
  text: string;
  grid: string;
  /** The placeholder's fill before the first data (the theme's hover colour). */
  empty: string;
  /** 1 normally; larger in presentation mode. */
  scale: number;
}

export function chartVars(el: Element | null): ChartVars {
  const fallback = { axis: CHART.axis, text: CHART.text, grid: CHART.grid, empty: '#f8fafc', scale: 1 };
  if (!el || typeof getComputedStyle !== 'function') return fallback;
  const cs = getComputedStyle(el);
  const get = (name: string, dflt: string) => cs.getPropertyValue(name).trim() || dflt;
  const scale = Number.parseFloat(cs.getPropertyValue('--chart-scale'));
  return {
    axis: get('--chart-axis', CHART.axis),
    text: get('--chart-text', CHART.text),
    grid: get('--chart-grid', CHART.grid),
    empty: get('--hover', '#f8fafc'),
    scale: Number.isFinite(scale) && scale > 0 ? scale : 1,
  };
}
