// The palettes stay readable with colour-vision deficiencies: every pair of categorical colours
// that appear together (the gates and states of one cell, the compared cells' series, the
// instruments' series and marks, loss and accuracy) stays apart under simulated protanopia,
// deuteranopia and tritanopia (Machado et al. 2009), and the heatmap scales stay monotonic in
// lightness, as seen with each deficiency too.
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { CHART, INSTRUMENT, NEGATIVE_COLOR, SERIES_COLORS, ZERO_COLOR, gateColor } from '../../src/views/palette';
import { makeColorScale } from '../../src/views/color-scale';
import { deltaE2000, hexToRgb, rgbToLab, seenDelta, simulate, type Deficiency } from '../../src/views/cvd';

/** ΔE2000 a categorical pair must keep with normal vision and with each simulated deficiency.
 *  ~2.3 is a just-noticeable difference; 10 is apart at a glance in a small legend swatch. */
const MIN_DELTA_E = 10;
const VISIONS: (Deficiency | undefined)[] = [undefined, 'protanopia', 'deuteranopia', 'tritanopia'];

function closePairs(colors: Record<string, string>): string[] {
  const names = Object.keys(colors);
  const bad: string[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      for (const v of VISIONS) {
        const d = seenDelta(colors[names[i]], colors[names[j]], v);
        if (d < MIN_DELTA_E) bad.push(`${names[i]} ${colors[names[i]]} / ${names[j]} ${colors[names[j]]} (${v ?? 'normal'}): ΔE ${d.toFixed(1)}`);
      }
    }
  }
  return bad;
}

describe('colour-vision deficiency simulation', () => {
  it('CIEDE2000 matches Sharma, Wu & Dalal’s test pairs', () => {
    expect(deltaE2000([50, 2.6772, -79.7751], [50, 0, -82.7485])).toBeCloseTo(2.0425, 3);
    expect(deltaE2000([50, 0, 0], [50, -1, 2])).toBeCloseTo(2.3669, 3);
    expect(deltaE2000([50, 2.5, 0], [73, 25, -18])).toBeCloseTo(27.1492, 3);
    expect(deltaE2000([60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387])).toBeCloseTo(1.2644, 3);
  });

  it('the simulation keeps greys grey and merges what a dichromat confuses', () => {
    for (const v of ['protanopia', 'deuteranopia', 'tritanopia'] as const) {
      const g = simulate([128, 128, 128], v);
      for (const c of g) expect(Math.abs(c - 128)).toBeLessThan(1.5);
    }
    // Red and green, far apart for normal vision, come close for a deuteranope.
    expect(seenDelta('#d62728', '#2ca02c')).toBeGreaterThan(50);
    expect(seenDelta('#d62728', '#2ca02c', 'deuteranopia')).toBeLessThan(seenDelta('#d62728', '#2ca02c') / 2);
    // Blue and green merge under tritanopia more than under normal vision.
    expect(seenDelta('#0072B2', '#009E73', 'tritanopia')).toBeLessThan(seenDelta('#0072B2', '#009E73'));
  });
});

describe('palettes under colour-vision deficiency', () => {
  it(`the gates and states of every cell stay apart (ΔE2000 ≥ ${MIN_DELTA_E}) for every vision`, () => {
    const bad: string[] = [];
    for (const cell of cellList) {
      const ids = [...new Set([...cell.gates.map((g) => g.id), ...cell.states.map((s) => s.id)])];
      expect(ids.length).toBeGreaterThan(0);
      bad.push(...closePairs(Object.fromEntries(ids.map((id) => [id, gateColor(id)]))).map((b) => `${cell.id}: ${b}`));
    }
    expect(bad).toEqual([]);
  });

  it('the compared cells’ series colours stay apart pairwise', () => {
    expect(closePairs(Object.fromEntries(SERIES_COLORS.map((c, i) => [`series ${i}`, c])))).toEqual([]);
  });

  it('the instruments’ colours and the loss/accuracy pair stay apart', () => {
    expect(closePairs({ ...INSTRUMENT })).toEqual([]);
    expect(closePairs({ loss: CHART.loss, accuracy: CHART.accuracy })).toEqual([]);
  });

  it('heatmap scales are monotonic in lightness, for every vision: sequential (0…1) and diverging (−1…1)', () => {
    const ids = [...new Set(cellList.flatMap((c) => [...c.gates.map((g) => g.id), ...c.states.map((s) => s.id)]))];
    const L = (rgb: [number, number, number], v?: Deficiency) => rgbToLab(v ? simulate(rgb, v) : rgb)[0];
    const bad: string[] = [];
    for (const id of ids) {
      const seq = makeColorScale('unit', gateColor(id), []);
      const div = makeColorScale('signed', gateColor(id), []);
      for (const v of VISIONS) {
        const us = Array.from({ length: 41 }, (_, k) => k / 40);
        const seqL = us.map((u) => L(seq.rgb(u), v));
        // Sequential: lighter at 0, darker towards 1, never turning back (0.5 L* of rounding slack).
        for (let k = 1; k < seqL.length; k++) if (seqL[k] > seqL[k - 1] + 0.5) bad.push(`${id} sequential (${v ?? 'normal'}) at ${us[k]}`);
        if (seqL[0] - seqL[seqL.length - 1] < 20) bad.push(`${id} sequential (${v ?? 'normal'}): lightness range ${(seqL[0] - seqL[seqL.length - 1]).toFixed(1)} < 20`);
        // Diverging: lightest at 0, darker on both sides as |v| grows.
        const pos = us.map((u) => L(div.rgb(u), v));
        const neg = us.map((u) => L(div.rgb(-u), v));
        for (let k = 1; k < us.length; k++) {
          if (pos[k] > pos[k - 1] + 0.5) bad.push(`${id} diverging + (${v ?? 'normal'}) at ${us[k]}`);
          if (neg[k] > neg[k - 1] + 0.5) bad.push(`${id} diverging − (${v ?? 'normal'}) at ${us[k]}`);
        }
      }
    }
    expect(bad).toEqual([]);
    // The ends of the diverging scale are the palette's: zero is the lightest colour.
    expect(rgbToLab(hexToRgb(ZERO_COLOR))[0]).toBeGreaterThan(rgbToLab(hexToRgb(NEGATIVE_COLOR))[0] + 50);
  });
});

describe('gate colours as text', () => {
  it('every gate id reads at WCAG AA 4.5:1 on every surface of both themes, keeping its hue family', async () => {
    const { GATE_COLORS, gateTextColor, TEXT_SURFACES } = await import('../../src/views/palette');
    const { contrastRatio, seenDelta } = await import('../../src/views/cvd');
    const failing: string[] = [];
    for (const id of Object.keys(GATE_COLORS)) {
      for (const theme of ['light', 'dark'] as const) {
        const text = gateTextColor(id, theme);
        for (const bg of TEXT_SURFACES[theme]) {
          if (contrastRatio(text, bg) < 4.5) failing.push(`${id} ${theme} ${text} on ${bg}: ${contrastRatio(text, bg).toFixed(2)}`);
        }
        // A shade of its own colour, not black or white: closer to its gate colour than to the other extreme.
        const extreme = theme === 'light' ? '#000000' : '#ffffff';
        if (text === extreme) failing.push(`${id} ${theme}: fell back to ${extreme}`);
        if (seenDelta(text, GATE_COLORS[id]) > 45) failing.push(`${id} ${theme}: ${text} strays from ${GATE_COLORS[id]}`);
      }
    }
    expect(failing).toEqual([]);
    // Some raw palette colours do fail as text on white (the reason for the shades).
    expect(Object.values(GATE_COLORS).some((c) => contrastRatio(c, '#ffffff') < 4.5)).toBe(true);
  });
});
