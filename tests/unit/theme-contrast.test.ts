// Both themes read on a projector: every text/background pair of src/styles/app.css's colour
// variables (light :root and :root[data-theme='dark']) has a WCAG contrast ratio ≥ 4.5:1 (AA).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHART } from '../../src/views/palette';

const css = readFileSync(new URL('../../src/styles/app.css', import.meta.url), 'utf8');

function block(selector: string): Record<string, string> {
  const at = css.indexOf(`${selector} {`);
  if (at < 0) throw new Error(`no ${selector} block in app.css`);
  const body = css.slice(at, css.indexOf('}', at));
  const vars: Record<string, string> = {};
  for (const m of body.matchAll(/--([\w-]+):\s*([^;]+);/g)) vars[m[1]] = m[2].trim();
  return vars;
}

const light = block(':root');
const dark = { ...light, ...block(":root[data-theme='dark']") };

function rgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** WCAG 2 relative luminance and contrast ratio. */
export function luminance(hex: string): number {
  const [r, g, b] = rgb(hex).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

/** [text, background] pairs the page draws. */
const PAIRS: [string, string][] = [
  ['ink', 'bg'], ['ink', 'surface'], ['ink-2', 'surface'], ['ink-2', 'bg'], ['muted', 'surface'], ['muted', 'bg'],
  ['muted', 'hover'], ['ink', 'hover'], ['accent', 'surface'], ['accent', 'bg'], ['accent', 'accent-soft'],
  ['on-accent', 'accent'], ['on-ink', 'ink'], ['danger', 'surface'], ['danger-ink', 'danger-bg'], ['info-ink', 'info-bg'],
  ['ink', 'warn-bg'], ['ink', 'info-bg'], ['ink', 'danger-bg'], ['ink', 'accent-soft'],
  ['chart-axis', 'surface'], ['chart-text', 'surface'],
];

describe('theme contrast (WCAG AA, 4.5:1)', () => {
  it('computes the textbook ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  for (const [name, vars] of [['light', light], ['dark', dark]] as const) {
    it(`${name}: every text colour on its background`, () => {
      const low = PAIRS.map(([fg, bg]) => ({ pair: `${fg} on ${bg}`, ratio: contrast(vars[fg], vars[bg]) })).filter((p) => p.ratio < 4.5);
      expect(low).toEqual([]);
    });
  }

  it('dark really is dark and light light', () => {
    expect(luminance(dark.bg)).toBeLessThan(0.05);
    expect(luminance(light.bg)).toBeGreaterThan(0.8);
  });
});

describe('chart colours follow the theme', () => {
  // The views write palette.ts's CHART colours as SVG attributes; app.css re-colours exactly those
  // attribute values with the theme's variables. A palette change must keep the two in step.
  it('app.css re-colours the attribute values palette.ts writes', () => {
    for (const [attr, hex, v] of [['fill', CHART.axis, 'chart-axis'], ['stroke', CHART.axis, 'chart-axis'], ['fill', CHART.text, 'chart-text'], ['stroke', CHART.text, 'chart-text'], ['stroke', CHART.grid, 'chart-grid']]) {
      expect(css, `${attr}=${hex}`).toContain(`[${attr}='${hex}']`);
      expect(css).toMatch(new RegExp(`\\[${attr}='${hex}'\\][^{]*\\{ ${attr}: var\\(--${v}\\)`));
    }
  });
});
