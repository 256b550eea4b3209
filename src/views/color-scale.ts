// Value → colour for heatmaps, chosen by the gate's range: sigmoid gates 0…1 sequential, signed
// values −1…1 diverging, free values symmetric around 0 by their largest magnitude. NaN is grey.
import { interpolateLab } from 'd3-interpolate';
import { color as d3color } from 'd3-color';
import { NAN_COLOR, NEGATIVE_COLOR, ZERO_COLOR } from './palette';

export type Range = 'unit' | 'signed' | 'positive' | 'free';
export type Rgb = [number, number, number];

const LUT_SIZE = 256;

function toRgb(c: string): Rgb {
  const rgb = d3color(c)?.rgb();
  return rgb ? [Math.round(rgb.r), Math.round(rgb.g), Math.round(rgb.b)] : [0, 0, 0];
}

function lut(from: string, to: string): Rgb[] {
  const f = interpolateLab(from, to);
  return Array.from({ length: LUT_SIZE }, (_, i) => toRgb(f(i / (LUT_SIZE - 1))));
}

export interface ColorScale {
  /** Domain actually used, e.g. [−m, m] for 'free'. */
  domain: [number, number];
  rgb(v: number): Rgb;
  css(v: number): string;
}

export function maxAbs(data: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < data.length; i++) {
    const a = Math.abs(data[i]);
    if (a > m && Number.isFinite(a)) m = a;
  }
  return m;
}

export function makeColorScale(range: Range, gateColor: string, data: ArrayLike<number>): ColorScale {
  const pos = lut(ZERO_COLOR, gateColor);
  const neg = lut(ZERO_COLOR, NEGATIVE_COLOR);
  const nan = toRgb(NAN_COLOR);
  const m = maxAbs(data) || 1;
  const domain: [number, number] =
    range === 'unit' ? [0, 1] : range === 'signed' ? [-1, 1] : range === 'positive' ? [0, m] : [-m, m];
  const sequential = range === 'unit' || range === 'positive';
  const rgb = (v: number): Rgb => {
    if (!Number.isFinite(v)) return nan;
    if (sequential) {
      const u = Math.min(1, Math.max(0, (v - domain[0]) / (domain[1] - domain[0])));
      return pos[Math.round(u * (LUT_SIZE - 1))];
    }
    const u = Math.min(1, Math.abs(v) / domain[1]);
    return (v < 0 ? neg : pos)[Math.round(u * (LUT_SIZE - 1))];
  };
  return { domain, rgb, css: (v) => `rgb(${rgb(v).join(',')})` };
}
