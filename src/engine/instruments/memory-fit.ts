// Long memory (issue 10, item 5): is an influence curve y(lag) — ‖∂h_T/∂x_t‖ against the lag
// T − t — an exponential decay (short memory: a straight line on log-linear axes) or a power law
// (long memory in the sense of Zhao et al. 2020, arXiv 2006.03860: a straight line on log-log
// axes)? Both are fitted by ordinary least squares on the logs, and the verdict compares the two
// R² values. Plain JS, no tfjs: the worker calls it on numbers it has already read back.

import type { JacobianProfile, LongMemoryFit } from './types';

/** Fewer usable points than this: 'too-short' (two lines through a handful of points say nothing). */
export const MIN_POINTS = 8;
/** A fit must explain at least this much of log y's variance to be called at all. */
export const MIN_R2 = 0.9;
/** The winner's R² must exceed the loser's by this much; closer calls are 'undecided'. */
export const R2_MARGIN = 0.02;
/** A power law steeper than lag^−8 is not long memory in any useful sense (and a sign of a bad fit). */
export const MAX_EXPONENT = 8;

interface Line {
  slope: number;
  intercept: number;
  r2: number;
}

/** Least squares y ≈ intercept + slope·x, with R² = 1 − SS_res/SS_tot (1 when y is constant and fitted exactly). */
function fitLine(xs: number[], ys: number[]): Line {
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const intercept = my - slope * mx;
  let ssRes = 0;
  for (let i = 0; i < n; i++) {
    const r = ys[i] - (intercept + slope * xs[i]);
    ssRes += r * r;
  }
  // A constant log y (a flat curve) is fitted exactly by both lines: R² = 1, slope 0 — and the
  // verdict then says 'undecided' because neither line decays.
  const r2 = syy > 1e-24 ? Math.max(0, 1 - ssRes / syy) : 1;
  return { slope, intercept, r2 };
}

/**
 * Fits `values[i]` at `lags[i]` (default: lag i + 1) as an exponential, log y = intercept − rate·lag,
 * and as a power law, log y = intercept − exponent·log lag (natural logs). Points with a
 * non-finite or non-positive value, or a lag ≤ 0 (log lag undefined), are skipped by both fits,
 * so both see the same points.
 *
 * Verdict, in order:
 * - 'too-short': fewer than MIN_POINTS (8) usable points, or they span a single lag;
 * - 'power-law': the power law's R² ≥ MIN_R2 (0.9), exceeds the exponential's by R2_MARGIN (0.02),
 *   and its exponent is a decay, 0 < p ≤ MAX_EXPONENT (8);
 * - 'exponential': the exponential's R² ≥ 0.9, exceeds the power law's by 0.02, and rate > 0;
 * - 'undecided' otherwise (both fit alike, neither fits, or the curve is flat or growing).
 * The verdict classifies decay only: a growing curve (exploding influence) is 'undecided'.
 */
export function fitLongMemory(values: number[], lags?: number[]): LongMemoryFit {
  if (lags && lags.length !== values.length) {
    throw new Error(`fitLongMemory: ${values.length} values but ${lags.length} lags`);
  }
  const used: number[] = [];
  const logY: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const lag = lags ? lags[i] : i + 1;
    const y = values[i];
    if (!Number.isFinite(y) || y <= 0 || !Number.isFinite(lag) || lag <= 0) continue;
    used.push(lag);
    logY.push(Math.log(y));
  }
  const n = used.length;
  const distinct = new Set(used).size;
  if (n < MIN_POINTS || distinct < 2) {
    return {
      exponential: { rate: NaN, intercept: NaN, r2: NaN },
      powerLaw: { exponent: NaN, intercept: NaN, r2: NaN },
      verdict: 'too-short',
      lags: used,
    };
  }
  const exp = fitLine(used, logY);
  const pow = fitLine(used.map(Math.log), logY);
  const exponential = { rate: -exp.slope, intercept: exp.intercept, r2: exp.r2 };
  const powerLaw = { exponent: -pow.slope, intercept: pow.intercept, r2: pow.r2 };
  let verdict: LongMemoryFit['verdict'] = 'undecided';
  if (powerLaw.r2 >= MIN_R2 && powerLaw.r2 - exponential.r2 >= R2_MARGIN
    && powerLaw.exponent > 0 && powerLaw.exponent <= MAX_EXPONENT) verdict = 'power-law';
  else if (exponential.r2 >= MIN_R2 && exponential.r2 - powerLaw.r2 >= R2_MARGIN && exponential.rate > 0) verdict = 'exponential';
  return { exponential, powerLaw, verdict, lags: used };
}

/**
 * The influence curve of a Jacobian profile, fitted: xSpectral[t − 1] = ‖∂h_T/∂x_t‖ sits at lag
 * T − t (t = 1..T), so the last input (lag 0) is left out of both fits.
 */
export function fitInfluence(xSpectral: number[]): LongMemoryFit {
  const T = xSpectral.length;
  return fitLongMemory(xSpectral, xSpectral.map((_, i) => T - (i + 1)));
}

/** Convenience for the worker: the fit of a profile's ‖∂h_T/∂x_t‖. */
export function fitProfile(profile: Pick<JacobianProfile, 'xSpectral'>): LongMemoryFit {
  return fitInfluence(profile.xSpectral);
}
