// One colour per gate/state id: the equation symbol, the heatmap and the mean label share it.
// Ids are shared across cells on purpose (h is h in the RNN, LSTM and GRU). Okabe–Ito colours
// (and a few of Paul Tol's) assigned so that the ids one cell shows together stay apart
// (CIEDE2000 ≥ 10) with normal vision and simulated protanopia, deuteranopia and tritanopia:
// tests/unit/palette-cvd.test.ts checks every cell of the registry.
import { contrastRatio, hexToRgb } from './cvd';

export const GATE_COLORS: Record<string, string> = {
  i: '#009E73', // input gate
  f: '#D55E00', // forget gate
  g: '#CC79A7', // candidate (LSTM)
  o: '#0072B2', // output gate
  c: '#E69F00', // cell state
  h: '#AA3377', // hidden state
  r: '#D55E00', // reset gate (GRU)
  z: '#009E73', // update gate (GRU)
  n: '#CC79A7', // new gate / candidate (GRU)
  a: '#64748b', // pre-activation (plain RNN)
  // The other cells' own gates and states.
  w: '#56B4E9',
  d: '#332288',
  clock: '#56B4E9',
  m: '#006CD1',
  xs: '#CC79A7',
  cs: '#D55E00',
  lags: '#56B4E9',
  phi: '#882255',
  mu: '#009E73',
  buf: '#006CD1',
  wx: '#999933',
  uh: '#56B4E9',
  y: '#999933',
  taps: '#006CD1',
  lam: '#999933',
  sh: '#56B4E9',
  sx: '#006CD1',
  u: '#999933',
  p: '#56B4E9',
  mod: '#999933',
  s: '#999933',
};

/**
 * A gate's colour as text (equation symbols, labels): the same hue, darkened (light theme) or
 * lightened (dark theme) until it reads at WCAG AA 4.5:1 on every surface it is written on. The
 * fills of heatmaps and histograms keep the palette's own colour.
 */
export function gateTextColor(id: string, theme: 'light' | 'dark' = 'light'): string {
  const key = `${theme}:${id}`;
  const known = textShades.get(key);
  if (known) return known;
  const shade = readableShade(gateColor(id), TEXT_SURFACES[theme], theme === 'light' ? [0, 0, 0] : [255, 255, 255]);
  textShades.set(key, shade);
  return shade;
}

/** The page background, cards and the highlighted rows, per theme (app.css --bg, --surface, --accent-soft). */
export const TEXT_SURFACES: Record<'light' | 'dark', string[]> = {
  light: ['#ffffff', '#f6f7f9', '#e6f4f2'],
  dark: ['#131c2e', '#0b1220', '#10302d'],
};

const textShades = new Map<string, string>();

function readableShade(hex: string, surfaces: string[], toward: [number, number, number]): string {
  const [r, g, b] = hexToRgb(hex);
  for (let k = 0; k <= 20; k++) {
    const w = k / 20;
    const mix = [r, g, b].map((v, i) => Math.round(v * (1 - w) + toward[i] * w));
    const out = `#${mix.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    if (surfaces.every((bg) => contrastRatio(out, bg) >= 4.5)) return out;
  }
  return toward[0] === 0 ? '#000000' : '#ffffff';
}

const FALLBACK = ['#0e7490', '#b45309', '#6d28d9', '#be123c', '#15803d', '#1d4ed8'];

export function gateColor(id: string): string {
  if (GATE_COLORS[id]) return GATE_COLORS[id];
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return FALLBACK[h % FALLBACK.length];
}

/** The negative end of signed scales: neutral, so it never reads as another gate. */
export const NEGATIVE_COLOR = '#334155';
export const ZERO_COLOR = '#f8fafc';
export const NAN_COLOR = '#b8bcc4';

export const CHART = {
  loss: '#D55E00',
  accuracy: '#009E73',
  grad: '#0072B2',
  gradClipped: '#94a3b8',
  axis: '#64748b',
  grid: '#e2e8f0',
  text: '#334155',
};

/** One colour per compared cell (legend order): Okabe–Ito, every pair apart (CIEDE2000 ≥ 10) with the
 *  common colour-vision deficiencies too (tests/unit/palette-cvd.test.ts). */
export const SERIES_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

export function seriesColor(i: number): string {
  return SERIES_COLORS[i % SERIES_COLORS.length];
}

/**
 * The instrument views (spectra, Jacobians, clipping, long memory): Okabe–Ito colours, told apart
 * with the common colour-vision deficiencies; a second cue (dash, marker shape) where two are close.
 */
export const INSTRUMENT = {
  /** ‖∂h_T/∂h_t‖, eigenvalues, raw gradient norm. */
  primary: '#0072B2',
  /** ‖∂h_T/∂x_t‖, σ_max, clipped gradient norm. */
  secondary: '#D55E00',
  /** Exponential fit (dashed). */
  fitExp: '#009E73',
  /** Power-law fit (dotted). */
  fitPow: '#CC79A7',
  /** Unit circle, thresholds, reference lines. */
  reference: '#555555',
  /** Eigenvalues outside the unit circle. */
  outside: '#E69F00',
};
