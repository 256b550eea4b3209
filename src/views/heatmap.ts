// Units × timesteps heatmap on a canvas. One pixel per cell is written into a small offscreen
// image and scaled up without smoothing, so even 128 × 200 redraws cheaply every frame.
import { makeColorScale, type Range } from './color-scale';
import { CHART, gateColor } from './palette';
import { frameScheduler } from './raf';
import { chartVars, type ChartVars } from './theme-vars';
import { docLang, heatmapAlt } from './alt-text';

export interface SequenceLabels {
  input: string[];
  target: string[];
  predicted: string[];
}

export interface HeatmapData {
  id: string;
  T: number;
  /** Number of units k; data is time-major, index t*k + j. */
  width: number;
  data: ArrayLike<number>;
  range: Range;
  color?: string;
  labels?: SequenceLabels;
  /** Row captions for the label strip (translated by the caller). */
  labelNames?: [string, string, string];
  /** The word for a row, “unit” (translated by the caller). */
  unitName?: string;
}

export interface HeatmapView {
  update(d: HeatmapData): void;
  /** Back to the placeholder (a new run has no data yet). */
  clear(): void;
  destroy(): void;
  readonly canvas: HTMLCanvasElement;
}

export const GUTTER = 62;
const ROW_H = 15;

export function cellHeight(k: number): number {
  return Math.max(2, Math.min(9, Math.floor(150 / Math.max(1, k))));
}

export function createHeatmap(el: HTMLElement, opts: { testId?: string; emptyText?: string } = {}): HeatmapView {
  el.classList.add('heatmap');
  const canvas = document.createElement('canvas');
  if (opts.testId) canvas.dataset.testid = opts.testId;
  canvas.setAttribute('role', 'img');
  const tip = document.createElement('div');
  tip.className = 'heatmap-tip';
  tip.hidden = true;
  el.append(canvas, tip);
  const off = document.createElement('canvas');
  const st: { last: HeatmapData | null } = { last: null };

  const geometry = (d: HeatmapData) => {
    const W = Math.max(120, el.clientWidth || 600);
    const cw = (W - GUTTER - 4) / Math.max(1, d.T);
    const ch = cellHeight(d.width);
    const gridH = ch * d.width;
    const labelRows = d.labels ? 3 : 0;
    const H = gridH + 16 + labelRows * ROW_H;
    return { W, H, cw, ch, gridH };
  };

  const draw = (d: HeatmapData) => {
    if (d.data.length < d.T * d.width) throw new Error(`heatmap ${d.id}: ${d.data.length} values for ${d.T}×${d.width}`);
    const { W, H, cw, gridH } = geometry(d);
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(W * dpr);
    canvas.height = Math.round(H * dpr);
    canvas.style.width = `${W}px`;
    canvas.style.height = `${H}px`;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, W, H);

    const scale = makeColorScale(d.range, d.color ?? gateColor(d.id), d.data);
    off.width = Math.max(1, d.T);
    off.height = Math.max(1, d.width);
    const octx = off.getContext('2d');
    if (!octx) return;
    const img = octx.createImageData(off.width, off.height);
    for (let t = 0; t < d.T; t++) {
      for (let j = 0; j < d.width; j++) {
        const [r, g, b] = scale.rgb(d.data[t * d.width + j]);
        const p = (j * d.T + t) * 4;
        img.data[p] = r;
        img.data[p + 1] = g;
        img.data[p + 2] = b;
        img.data[p + 3] = 255;
      }
    }
    octx.putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(off, GUTTER, 0, cw * d.T, gridH);
    // Theme colours and, in presentation mode, larger type (capped: the gutter is fixed).
    const v = chartVars(canvas);
    const k = Math.min(1.3, v.scale);
    ctx.strokeStyle = v.grid;
    ctx.strokeRect(GUTTER - 0.5, -0.5, cw * d.T + 1, gridH + 1);

    ctx.fillStyle = v.axis;
    ctx.font = '10px system-ui, sans-serif';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'top';
    ctx.fillText(`${d.unitName ?? 'unit'} 1`, GUTTER - 6, 0);
    ctx.textBaseline = 'bottom';
    if (d.width > 1) ctx.fillText(String(d.width), GUTTER - 6, gridH);

    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    ctx.font = `${10 * k}px system-ui, sans-serif`; // the time ticks have room to grow; the gutter's labels do not
    const every = Math.max(1, Math.ceil(28 / cw));
    const tickEvery = every <= 1 ? 1 : every <= 2 ? 2 : every <= 5 ? 5 : every <= 10 ? 10 : 20;
    for (let t = 0; t < d.T; t += tickEvery) ctx.fillText(String(t), GUTTER + (t + 0.5) * cw, gridH + 3);

    if (d.labels) drawLabels(ctx, d, cw, gridH + 16, v);
  };

  const drawLabels = (ctx: CanvasRenderingContext2D, d: HeatmapData, cw: number, top: number, v: ChartVars) => {
    const rows: [string, string[]][] = [
      [d.labelNames?.[0] ?? 'input', d.labels!.input],
      [d.labelNames?.[1] ?? 'target', d.labels!.target],
      [d.labelNames?.[2] ?? 'predicted', d.labels!.predicted],
    ];
    const fits = cw >= 7;
    ctx.font = `${Math.min(11, Math.max(8, cw * 0.8))}px ui-monospace, SFMono-Regular, Menlo, monospace`;
    rows.forEach(([name, labels], r) => {
      const y = top + r * ROW_H + ROW_H / 2;
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'right';
      ctx.fillStyle = v.axis;
      ctx.font = '10px system-ui, sans-serif';
      ctx.fillText(name, GUTTER - 6, y);
      ctx.font = `${Math.min(11, Math.max(8, cw * 0.8))}px ui-monospace, SFMono-Regular, Menlo, monospace`;
      ctx.textAlign = 'center';
      for (let t = 0; t < Math.min(d.T, labels.length); t++) {
        const s = labels[t];
        if (!s) continue;
        const x = GUTTER + (t + 0.5) * cw;
        if (r === 2) {
          const target = d.labels!.target[t];
          const hasTarget = target !== undefined && target !== '' && target !== '·' && target !== '_';
          ctx.fillStyle = !hasTarget ? CHART.gradClipped : target === s ? '#15803d' : '#dc2626';
        } else ctx.fillStyle = v.text;
        // Long labels (the adding task's "0.54*") get a dot when the column is too narrow for them.
        // Neighbouring labels need a visible gap, or "0.54" "0.77" read as one number.
        if (fits && ctx.measureText(s).width + 5 <= cw) ctx.fillText(s, x, y);
        else if (s.endsWith('*')) {
          // A marked input (the adding task's operands) stays visible as an accent dot.
          ctx.fillStyle = '#e76f51';
          ctx.fillRect(x - 2, y - 2, 4, 4);
        } else ctx.fillRect(x - 1, y - 1, 2, 2);
      }
    });
  };

  /** Before the first telemetry: a quiet placeholder of the right width, so the layout does not jump. */
  const drawEmpty = () => {
    const W = Math.max(120, el.clientWidth || 600);
    const H = 72;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(W * dpr);
    canvas.height = Math.round(H * dpr);
    canvas.style.width = `${W}px`;
    canvas.style.height = `${H}px`;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const v = chartVars(canvas);
    ctx.fillStyle = v.empty;
    ctx.fillRect(GUTTER, 0, W - GUTTER - 4, H);
    ctx.strokeStyle = v.grid;
    ctx.setLineDash([4, 3]);
    ctx.strokeRect(GUTTER + 0.5, 0.5, W - GUTTER - 5, H - 1);
    ctx.fillStyle = v.axis;
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(opts.emptyText ?? 'waiting for the first training step…', GUTTER + (W - GUTTER) / 2, H / 2);
  };
  drawEmpty();

  const sched = frameScheduler(draw);

  const onMove = (ev: MouseEvent) => {
    const d = st.last;
    if (!d) return;
    const { cw, ch, gridH } = geometry(d);
    const rect = canvas.getBoundingClientRect();
    const x = ev.clientX - rect.left - GUTTER;
    const y = ev.clientY - rect.top;
    const t = Math.floor(x / cw);
    const j = Math.floor(y / ch);
    if (x < 0 || t >= d.T || y < 0 || y >= gridH || j >= d.width) {
      tip.hidden = true;
      return;
    }
    const v = d.data[t * d.width + j];
    tip.textContent = `t=${t} · ${d.unitName ?? 'unit'} ${j + 1} · ${Number.isFinite(v) ? v.toFixed(3) : 'NaN'}`;
    tip.style.left = `${Math.min(ev.clientX - rect.left + 10, rect.width - 150)}px`;
    tip.style.top = `${y + 10}px`;
    tip.hidden = false;
  };
  const onLeave = () => {
    tip.hidden = true;
  };
  canvas.addEventListener('mousemove', onMove);
  canvas.addEventListener('mouseleave', onLeave);

  const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(() => (st.last ? sched.schedule(st.last) : drawEmpty())) : null;
  ro?.observe(el);
  // A theme switch changes the axis colours the canvas drew (theme-vars.ts): redraw, even when paused.
  const themeObs = typeof MutationObserver === 'function' && typeof document !== 'undefined'
    ? new MutationObserver(() => (st.last ? sched.schedule(st.last) : drawEmpty())) : null;
  themeObs?.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });

  return {
    canvas,
    update(d) {
      st.last = d;
      canvas.setAttribute('aria-label', heatmapAlt(d, docLang()));
      sched.schedule(d);
    },
    clear() {
      sched.cancel();
      st.last = null;
      drawEmpty();
    },
    destroy() {
      sched.cancel();
      ro?.disconnect();
      themeObs?.disconnect();
      canvas.removeEventListener('mousemove', onMove);
      canvas.removeEventListener('mouseleave', onLeave);
      canvas.remove();
      tip.remove();
    },
  };
}
