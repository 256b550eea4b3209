// Pure helpers shared by the instrument views (no DOM): where a value that a log axis cannot show
// goes, the equal-aspect extent of a complex plane, the lines of a long-memory fit.
import type { LongMemoryFit } from '../engine/instruments/types';

export type PointKind = 'finite' | 'zero' | 'inf' | 'nan';

/** A value on a log axis: finite positive values plot; 0 (underflow) sits at the bottom edge, +Inf at the top, NaN hollow. */
export function pointKind(v: number): PointKind {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v <= 0 || v === -Infinity) return 'zero';
  return 'finite';
}

export interface PlacedPoint {
  /** Index in the series. */
  i: number;
  x: number;
  v: number;
  kind: PointKind;
}

/** Every point of a series with its kind: none is dropped (the views draw the non-finite ones as markers). */
export function placePoints(values: ArrayLike<number>, x0 = 0, xs?: ArrayLike<number>): PlacedPoint[] {
  const out: PlacedPoint[] = [];
  for (let i = 0; i < values.length; i++) out.push({ i, x: xs ? xs[i] : x0 + i, v: values[i], kind: pointKind(values[i]) });
  return out;
}

/** The values as a compact list for a data attribute (tests read the drawn curve back from the DOM). */
export function valuesAttr(values: ArrayLike<number>): string {
  const parts: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    parts.push(Number.isFinite(v) ? (v === 0 ? '0' : v.toPrecision(4)) : String(v));
  }
  return parts.join(',');
}

/** Natural-log slope per step between the first and last finite positive values (NaN when fewer than two). */
export function logSlope(values: ArrayLike<number>): number {
  let first = -1;
  let last = -1;
  for (let i = 0; i < values.length; i++) {
    if (pointKind(values[i]) !== 'finite') continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0 || last === first) return NaN;
  return (Math.log(values[last]) - Math.log(values[first])) / (last - first);
}

/** A symmetric square extent for the complex plane that always shows the unit circle with a margin. */
export function complexExtent(eigs: readonly (readonly [number, number])[] | null | undefined): number {
  let r = 1;
  for (const [re, im] of eigs ?? []) {
    const a = Math.max(Math.abs(re), Math.abs(im));
    if (Number.isFinite(a)) r = Math.max(r, a);
  }
  return r * 1.12;
}

/** How many eigenvalues lie outside the unit circle (|λ| > 1 + tol; an orthogonal matrix's sit on it up to rounding). */
export function countOutside(eigs: readonly (readonly [number, number])[] | null | undefined, tol = 1e-6): number {
  let n = 0;
  for (const [re, im] of eigs ?? []) if (Math.hypot(re, im) > 1 + tol) n++;
  return n;
}

/** The two fitted curves of a long-memory fit at the given lags: a·exp(−rate·lag) and a·lag^(−p). */
export function fitCurves(fit: LongMemoryFit, lags: number[]): { exponential: [number, number][]; powerLaw: [number, number][] } {
  const exponential: [number, number][] = [];
  const powerLaw: [number, number][] = [];
  if (fit.verdict === 'too-short') return { exponential, powerLaw };
  for (const lag of lags) {
    if (!(lag > 0)) continue;
    exponential.push([lag, Math.exp(fit.exponential.intercept - fit.exponential.rate * lag)]);
    powerLaw.push([lag, Math.exp(fit.powerLaw.intercept - fit.powerLaw.exponent * Math.log(lag))]);
  }
  return { exponential, powerLaw };
}

/** A log-axis domain from the finite positive values, at least a decade tall; [1e-3, 10] without any. */
export function logExtent(values: number[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!(v > 0) || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!Number.isFinite(lo)) return [1e-3, 10];
  if (hi / lo < 10) {
    const mid = Math.sqrt(hi * lo);
    lo = Math.min(lo, mid / Math.sqrt(10));
    hi = Math.max(hi, mid * Math.sqrt(10));
  }
  const pad = Math.pow(hi / lo, 0.05);
  return [lo / pad, hi * pad];
}

/** "12%" / "0.4%" / "<0.1%": a fraction as people read it. */
export function formatPercent(f: number): string {
  if (!Number.isFinite(f)) return '–';
  const p = f * 100;
  if (p === 0) return '0%';
  if (p < 0.1) return '<0.1%';
  if (p < 10) return `${+p.toFixed(1)}%`;
  return `${Math.round(p)}%`;
}
