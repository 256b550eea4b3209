// One colour per gate/state id: the equation symbol, the heatmap and the mean label share it.
// Ids are shared across cells on purpose (h is h in the RNN, LSTM and GRU).
export const GATE_COLORS: Record<string, string> = {
  i: '#2a9d8f', // input gate
  f: '#e76f51', // forget gate
  g: '#7b61c9', // candidate (LSTM)
  o: '#3a7bd5', // output gate
  c: '#d4a017', // cell state
  h: '#d63384', // hidden state
  r: '#c2410c', // reset gate (GRU)
  z: '#2563eb', // update gate (GRU)
  n: '#9333ea', // new gate / candidate (GRU)
  a: '#64748b', // pre-activation (plain RNN)
};

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
  loss: '#e76f51',
  accuracy: '#2a9d8f',
  grad: '#3a7bd5',
  gradClipped: '#94a3b8',
  axis: '#64748b',
  grid: '#e2e8f0',
  text: '#334155',
};

/** One colour per compared cell (legend order), distinct from each other at a glance. */
export const SERIES_COLORS = ['#e76f51', '#2a9d8f', '#3a7bd5', '#7b61c9', '#d4a017', '#d63384'];

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
