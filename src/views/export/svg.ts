// Figures as standalone SVG and as PNG at 2×. The pure part (composeSvg, escapeXml) builds the
// file from placed pieces; the DOM part (captureFigure, svgString, pngBlob) collects the pieces
// from a card on the page: each chart SVG cloned with the computed styles it needs inlined (CSS
// variables resolved to colours, fonts), each canvas (the heatmaps) as an <image> with a PNG data
// URL, and the few HTML labels that belong to the figure (a heatmap's gate name) as <text>.

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type FigurePiece =
  /** An <svg> element's markup, placed at (x, y) by a wrapping <svg x y>. */
  | ({ kind: 'svg'; markup: string } & Box)
  /** A raster (a canvas) as a data URL. */
  | ({ kind: 'image'; href: string } & Box)
  | { kind: 'text'; x: number; y: number; text: string; style: string };

export interface Figure {
  width: number;
  height: number;
  title: string;
  desc?: string;
  background: string;
  pieces: FigurePiece[];
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!)
    // Characters XML 1.0 forbids (control characters other than tab, LF, CR).
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

const n = (v: number) => String(Math.round(v * 100) / 100);

/** The standalone SVG file: xmlns, width/height/viewBox, <title>, <desc>, a background rect, the pieces. */
export function composeSvg(f: Figure): string {
  const w = Math.max(1, Math.round(f.width));
  const h = Math.max(1, Math.round(f.height));
  const out = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="${SVG_NS}" xmlns:xlink="${XLINK_NS}" version="1.1" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">`,
    `<title>${escapeXml(f.title)}</title>`,
  ];
  if (f.desc) out.push(`<desc>${escapeXml(f.desc)}</desc>`);
  out.push(`<rect x="0" y="0" width="${w}" height="${h}" fill="${escapeXml(f.background)}"/>`);
  for (const p of f.pieces) {
    if (p.kind === 'svg') {
      out.push(`<svg x="${n(p.x)}" y="${n(p.y)}" width="${n(p.width)}" height="${n(p.height)}" overflow="visible">${p.markup}</svg>`);
    } else if (p.kind === 'image') {
      out.push(`<image x="${n(p.x)}" y="${n(p.y)}" width="${n(p.width)}" height="${n(p.height)}" preserveAspectRatio="none" style="image-rendering:pixelated" href="${escapeXml(p.href)}" xlink:href="${escapeXml(p.href)}"/>`);
    } else {
      out.push(`<text x="${n(p.x)}" y="${n(p.y)}" style="${escapeXml(p.style)}">${escapeXml(p.text)}</text>`);
    }
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** Reads the PNG signature and the IHDR width and height (big-endian at bytes 16 and 20). */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || sig.some((b, i) => bytes[i] !== b)) return null;
  if (String.fromCharCode(...bytes.slice(12, 16)) !== 'IHDR') return null;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: dv.getUint32(16), height: dv.getUint32(20) };
}

// ---- DOM (the page only) ----

/** Presentation properties copied from the computed style onto every element of a cloned chart. */
const SVG_PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linecap', 'stroke-linejoin',
  'opacity', 'display', 'visibility', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor',
  'dominant-baseline', 'shape-rendering', 'paint-order',
] as const;

/** Selector of what a figure is made of inside a card. */
export const FIGURE_SELECTOR = 'svg.chart, svg.cell-diagram, canvas';
/** HTML labels that belong to the figure: a heatmap's gate name, a direction's title, a compared cell's name. */
export const LABEL_SELECTOR = '.heatmap-label, .direction-title, .spectra-cell > .card-hint';

function inlineStyles(orig: Element, clone: Element): void {
  const cs = getComputedStyle(orig);
  const decl: string[] = [];
  for (const p of SVG_PROPS) {
    const v = cs.getPropertyValue(p);
    if (v) decl.push(`${p}:${v}`);
  }
  // Text takes its colour from `fill`; CSS `color` only matters through currentColor, now resolved.
  (clone as SVGElement).setAttribute('style', decl.join(';'));
  clone.removeAttribute('class');
  const a = orig.children;
  const b = clone.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i], b[i]);
}

function visible(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
}

/** The first non-transparent background up the tree, or white. */
export function backgroundOf(el: Element | null): string {
  for (let e = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(bg)) return bg;
  }
  return '#ffffff';
}

/** The figure inside `root` (a card's body): its charts, canvases and labels, placed as on the page. */
export function captureFigure(root: Element, title: string, desc?: string): Figure | null {
  const elems = Array.from(root.querySelectorAll(FIGURE_SELECTOR)).filter((e) => visible(e) && !e.closest('.export-menu'));
  if (!elems.length) return null;
  const labels = Array.from(root.querySelectorAll(LABEL_SELECTOR)).filter(visible);
  const rects = [...elems, ...labels].map((e) => e.getBoundingClientRect());
  const left = Math.min(...rects.map((r) => r.left));
  const top = Math.min(...rects.map((r) => r.top));
  const right = Math.max(...rects.map((r) => r.right));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  const pieces: FigurePiece[] = [];
  for (const e of elems) {
    const r = e.getBoundingClientRect();
    const box = { x: r.left - left, y: r.top - top, width: r.width, height: r.height };
    if (e instanceof HTMLCanvasElement) {
      pieces.push({ kind: 'image', href: e.toDataURL('image/png'), ...box });
    } else {
      const clone = e.cloneNode(true) as SVGSVGElement;
      inlineStyles(e, clone);
      clone.removeAttribute('width');
      clone.removeAttribute('height');
      clone.removeAttribute('x');
      clone.removeAttribute('y');
      if (!clone.getAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${r.width} ${r.height}`);
      clone.setAttribute('width', String(r.width));
      clone.setAttribute('height', String(r.height));
      pieces.push({ kind: 'svg', markup: new XMLSerializer().serializeToString(clone), ...box });
    }
  }
  for (const l of labels) {
    const r = l.getBoundingClientRect();
    const cs = getComputedStyle(l);
    const size = parseFloat(cs.fontSize) || 12;
    pieces.push({
      kind: 'text',
      x: r.left - left,
      y: r.top - top + size * 0.9,
      text: (l.textContent ?? '').trim(),
      style: `font-family:${cs.fontFamily};font-size:${cs.fontSize};font-weight:${cs.fontWeight};fill:${cs.color}`,
    });
  }
  return { width: right - left, height: bottom - top, title, desc, background: backgroundOf(root), pieces };
}

/** The standalone SVG of the figure in `root`, or null when it holds nothing drawn. */
export function svgString(root: Element, title: string, desc?: string): { svg: string; width: number; height: number } | null {
  const f = captureFigure(root, title, desc);
  if (!f) return null;
  return { svg: composeSvg(f), width: Math.max(1, Math.round(f.width)), height: Math.max(1, Math.round(f.height)) };
}

/** Rasterises an SVG file at `scale` × its size (the SVG's own vectors, so text stays sharp). */
export async function pngBlob(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the SVG did not load as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob under `name` through a temporary <a download>. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
