// Short text alternatives for the charts (aria-label on each chart's SVG, role="img"): what the
// chart shows, generated from its data, in English or Chinese. Pure functions; the views call them
// on every draw with the page's language (docLang(): the <html lang> the app sets).
import type { LossPoint } from '../protocol/messages';
import type { GateHistogram, LongMemoryFit, MatrixSpectrum } from '../engine/instruments/types';

export type AltLang = 'en' | 'zh';

/** The page's language as the app set it on <html lang>; English outside a browser. */
export function docLang(): AltLang {
  return typeof document !== 'undefined' && document.documentElement.lang === 'zh' ? 'zh' : 'en';
}

/** A number as a reader would say it: 3 significant digits, 1.2e−6 for tiny or huge ones. */
export function altNum(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  const s = a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(1).replace('e+', 'e').replace('e-', 'e−') : String(+v.toPrecision(3));
  return s.replace(/^-/, '−');
}

/** The change from a to b in powers of ten, as "10^−6" (rounded to the nearest power), or null when within a factor of 3. */
function decades(from: number, to: number): string | null {
  if (!(from > 0) || !(to > 0) || !Number.isFinite(from) || !Number.isFinite(to)) return null;
  const e = Math.round(Math.log10(to / from));
  if (e === 0) return null;
  return `10^${String(e).replace('-', '−')}`;
}

function finite(values: ArrayLike<number>): number[] {
  return Array.from(values).filter((v) => Number.isFinite(v));
}

const sep = (lang: AltLang) => (lang === 'zh' ? '；' : '; ');

/** "Loss over 350 steps, from 2.08 to 0.41; baseline 2.08; accuracy 93%." */
export function lossAlt(points: readonly LossPoint[], baseline: number | null | undefined, lang: AltLang, names?: { loss: string; accuracy: string }): string {
  const loss = names?.loss ?? (lang === 'zh' ? '损失' : 'Loss');
  if (!points.length) return lang === 'zh' ? `${loss}曲线：尚未训练` : `${loss} chart: no training yet`;
  const ls = points.filter((p) => Number.isFinite(p.loss));
  const steps = points[points.length - 1].step;
  const parts: string[] = [];
  if (ls.length) {
    const a = altNum(ls[0].loss);
    const b = altNum(ls[ls.length - 1].loss);
    parts.push(lang === 'zh' ? `${loss}，共 ${steps} 步，从 ${a} 到 ${b}` : `${cap(loss)} over ${steps} steps, from ${a} to ${b}`);
  } else parts.push(lang === 'zh' ? `${loss}，共 ${steps} 步，均为 NaN` : `${cap(loss)} over ${steps} steps, all NaN`);
  if (baseline !== null && baseline !== undefined && Number.isFinite(baseline)) parts.push(lang === 'zh' ? `基线 ${altNum(baseline)}` : `baseline ${altNum(baseline)}`);
  const acc = points[points.length - 1].accuracy;
  if (Number.isFinite(acc)) {
    const name = names?.accuracy ?? (lang === 'zh' ? '准确率' : 'accuracy');
    parts.push(`${lang === 'zh' ? name : name.toLowerCase()} ${Math.round(acc * 100)}%`);
  }
  return parts.join(sep(lang));
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "‖∂L/∂h_t‖ over 20 steps, from 1.2e−7 at the first step to 0.3 at the last; falls by 10^−6 from the last step to the first." */
export function gradNormAlt(norms: ArrayLike<number>, lang: AltLang): string {
  const v = Array.from(norms);
  const name = '‖∂L/∂h_t‖';
  if (!v.length) return lang === 'zh' ? `${name}：尚无梯度` : `${name}: no gradients yet`;
  const first = v[0];
  const last = v[v.length - 1];
  const head = lang === 'zh'
    ? `${name}，共 ${v.length} 个时间步，第一步 ${altNum(first)}，最后一步 ${altNum(last)}`
    : `${name} over ${v.length} steps, ${altNum(first)} at the first step and ${altNum(last)} at the last`;
  const d = decades(last, first);
  if (!d) return head;
  const falls = first < last;
  const tail = lang === 'zh'
    ? `从最后一步到第一步${falls ? '缩小' : '放大'}到 ${d} 倍`
    : `${falls ? 'falls' : 'grows'} by ${d} from the last step to the first`;
  return `${head}${sep(lang)}${tail}`;
}

export interface AltSeries {
  name: string;
  /** y values in x order; xs optional (steps, lags). */
  values: ArrayLike<number>;
  xs?: ArrayLike<number>;
}

/** Several named series over one axis: "2 series over step 1–40: RNN from 2.1 to 0.5; GRU from 2.1 to 0.2." */
export function seriesAlt(series: readonly AltSeries[], lang: AltLang, opts: { title?: string; xName?: string; reference?: number | null } = {}): string {
  const withData = series.filter((s) => s.values.length > 0);
  const title = opts.title ? `${opts.title}${lang === 'zh' ? '：' : ': '}` : '';
  if (!withData.length) return `${title}${lang === 'zh' ? '尚无数据' : 'no data yet'}`;
  const xs = withData.flatMap((s) => (s.xs ? Array.from(s.xs) : Array.from(s.values, (_, i) => i)));
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const xName = opts.xName ?? (lang === 'zh' ? '横轴' : 'x');
  const head = lang === 'zh'
    ? `${title}${withData.length} 条曲线，${xName} ${altNum(x0)}–${altNum(x1)}`
    : `${title}${withData.length} series over ${xName} ${altNum(x0)}–${altNum(x1)}`;
  const each = withData.map((s) => {
    const f = finite(s.values);
    if (!f.length) return lang === 'zh' ? `${s.name} 无有限值` : `${s.name} has no finite value`;
    const a = altNum(f[0]);
    const b = altNum(f[f.length - 1]);
    return lang === 'zh' ? `${s.name} 从 ${a} 到 ${b}` : `${s.name} from ${a} to ${b}`;
  });
  const ref = opts.reference !== null && opts.reference !== undefined && Number.isFinite(opts.reference)
    ? [lang === 'zh' ? `参考线 ${altNum(opts.reference)}` : `reference line at ${altNum(opts.reference)}`]
    : [];
  return [head, ...each, ...ref].join(sep(lang));
}

/** "Spectrum of W_hh: 16 eigenvalues, spectral radius 0.58, none outside the unit circle; σ_max 1.2." */
export function spectrumAlt(s: MatrixSpectrum | null, lang: AltLang): string {
  if (!s) return lang === 'zh' ? '谱：尚无数据' : 'Spectrum: no data yet';
  const what = s.label.replace(/\$/g, '');
  const parts: string[] = [];
  if (s.eigenvalues && s.radius !== null) {
    const out = s.eigenvalues.filter(([re, im]) => Math.hypot(re, im) > 1 + 1e-9).length;
    parts.push(lang === 'zh'
      ? `${what} 的谱：${s.eigenvalues.length} 个特征值，谱半径 ${altNum(s.radius)}，单位圆外 ${out} 个`
      : `Spectrum of ${what}: ${s.eigenvalues.length} eigenvalues, spectral radius ${altNum(s.radius)}, ${out ? `${out} outside` : 'none outside'} the unit circle`);
  } else parts.push(lang === 'zh' ? `${what} 的奇异值：${s.singularValues.length} 个` : `Singular values of ${what}: ${s.singularValues.length}`);
  parts.push(`σ_max ${altNum(s.sigmaMax)}`);
  return parts.join(sep(lang));
}

/** One line per series: its verdict in words (the labels the view shows) and both fits' R². */
export function memoryAlt(series: readonly { name: string; fit: LongMemoryFit | null; lags: number[] }[], verdict: Record<LongMemoryFit['verdict'], string>, lang: AltLang): string {
  const withData = series.filter((s) => s.lags.length > 0);
  if (!withData.length) return lang === 'zh' ? '长记忆拟合：尚无数据' : 'Long-memory fit: no data yet';
  const each = withData.map((s) => {
    if (!s.fit) return s.name;
    const r = `R² ${altNum(s.fit.exponential.r2)} / ${altNum(s.fit.powerLaw.r2)}`;
    return lang === 'zh'
      ? `${s.name}：${verdict[s.fit.verdict]}（指数与幂律拟合 ${r}）`
      : `${s.name}: ${verdict[s.fit.verdict]} (exponential and power-law fits ${r})`;
  });
  return `${lang === 'zh' ? '‖∂h_T/∂x_t‖ 随滞后的衰减' : '‖∂h_T/∂x_t‖ against the lag'}${lang === 'zh' ? '：' : ': '}${each.join(sep(lang))}`;
}

/** "Histogram of gate f: 12% below 0.1, 30% above 0.9." */
export function histogramAlt(g: GateHistogram, name: string, lang: AltLang): string {
  const n = g.counts.reduce((a, b) => a + b, 0);
  const pb = Math.round(g.below * 100);
  const pa = Math.round(g.above * 100);
  return lang === 'zh'
    ? `${name} 的直方图：${n} 个值，${pb}% 低于 0.1，${pa}% 高于 0.9`
    : `Histogram of ${name}: ${n} values, ${pb}% below 0.1, ${pa}% above 0.9`;
}

/** "Dataflow of the cell: inputs x_t, h_{t−1}; gates i, f, g, o; states c_t, h_t." */
export function diagramAlt(d: { gates: { tex: string; label: string }[]; states: { tex: string; label: string }[] }, lang: AltLang): string {
  const plain = (tex: string) => tex.replace(/\\[a-zA-Z]+\s*/g, '').replace(/[{}$]/g, '');
  const gates = d.gates.map((g) => plain(g.tex)).join(', ');
  const states = d.states.map((s) => plain(s.tex)).join(', ');
  return lang === 'zh'
    ? `单元的数据流图：输入 x_t 与 h_{t−1}${gates ? `；门与中间量 ${gates}` : ''}${states ? `；状态 ${states}` : ''}`
    : `Dataflow diagram of the cell: inputs x_t and h_{t−1}${gates ? `; gates and intermediates ${gates}` : ''}${states ? `; states ${states}` : ''}`;
}

/** "Heatmap of f: 16 units × 12 steps, values from 0.02 to 0.97, mean 0.51." */
export function heatmapAlt(d: { id: string; T: number; width: number; data: ArrayLike<number> }, lang: AltLang): string {
  let lo = Infinity;
  let hi = -Infinity;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < d.data.length; i++) {
    const v = d.data[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    sum += v;
    n++;
  }
  const range = n
    ? (lang === 'zh' ? `，取值 ${altNum(lo)} 到 ${altNum(hi)}，均值 ${altNum(sum / n)}` : `, values from ${altNum(lo)} to ${altNum(hi)}, mean ${altNum(sum / n)}`)
    : (lang === 'zh' ? '，尚无有限值' : ', no finite value yet');
  return lang === 'zh'
    ? `${d.id} 的热图：${d.width} 个单元 × ${d.T} 个时间步${range}`
    : `Heatmap of ${d.id}: ${d.width} units × ${d.T} steps${range}`;
}
