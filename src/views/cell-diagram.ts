// A cell's dataflow drawn from its equations alone: every `uses` entry is an edge. Inputs and
// previous states stand on the left, each gate one column right of what it reads, new states on
// the right. Nothing is cell-specific, so every cell in the registry gets a diagram for free.
import { diagramAlt, docLang } from './alt-text';
import { select } from 'd3-selection';
import type { EquationSpec } from '../cells/types';
import { gateColor } from './palette';

export interface DiagramNodeSpec {
  id: string;
  tex: string;
  label: string;
}

export interface CellDiagramData {
  equations: EquationSpec[];
  gates: DiagramNodeSpec[];
  states: DiagramNodeSpec[];
}

export interface DiagramNode {
  id: string;
  kind: 'input' | 'prev' | 'gate' | 'state';
  col: number;
  row: number;
  base: string;
  sub: string;
  sup: string;
  label: string;
  color: string;
}

export interface DiagramLayout {
  nodes: DiagramNode[];
  edges: { from: string; to: string }[];
  cols: number;
  rows: number;
}

const GREEK: Record<string, string> = {
  alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', eta: 'η', theta: 'θ', lambda: 'λ', mu: 'μ',
  nu: 'ν', xi: 'ξ', pi: 'π', rho: 'ρ', sigma: 'σ', tau: 'τ', phi: 'φ', varphi: 'φ', chi: 'χ', psi: 'ψ', omega: 'ω',
  Phi: 'Φ', Psi: 'Ψ', Sigma: 'Σ', Delta: 'Δ', Omega: 'Ω', ell: 'ℓ',
};
const ACCENT: Record<string, string> = { tilde: '\u0303', hat: '\u0302', bar: '\u0304', dot: '\u0307', vec: '\u20d7' };

/** Top-level split of a TeX symbol into base, subscript and superscript (braces respected). */
function splitScripts(tex: string): { base: string; sub: string; sup: string } {
  const parts = { base: '', sub: '', sup: '' };
  let cur: keyof typeof parts = 'base';
  let depth = 0;
  for (let i = 0; i < tex.length; i++) {
    const ch = tex[i];
    if (ch === '{') depth++;
    if (ch === '}') depth--;
    if (depth === 0 && (ch === '_' || ch === '^')) {
      cur = ch === '_' ? 'sub' : 'sup';
      continue;
    }
    parts[cur] += ch;
  }
  return parts;
}

/** Plain text for a TeX fragment: accents combine, Greek letters map, other commands drop. */
export function texText(tex: string): string {
  let s = tex.replace(/\\(tilde|hat|bar|dot|vec)\s*\{([^{}]*)\}/g, (_, a: string, x: string) => texText(x) + ACCENT[a]);
  s = s.replace(/\\(tilde|hat|bar|dot|vec)\s*([A-Za-z])/g, (_, a: string, x: string) => x + ACCENT[a]);
  s = s.replace(/\\([A-Za-z]+)/g, (m, name: string) => GREEK[name] ?? (['mathbf', 'boldsymbol', 'mathrm', 'text', 'mathit', 'operatorname'].includes(name) ? '' : name));
  return s.replace(/[{}\\]/g, '').replace(/-/g, '−').replace(/\s+/g, '').trim();
}

export function symbolParts(tex: string): { base: string; sub: string; sup: string } {
  const p = splitScripts(tex.trim());
  return { base: texText(p.base) || tex, sub: texText(p.sub), sup: texText(p.sup) };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `uses` for a line that does not list them: the gate/state symbols on its right-hand side. */
export function inferUses(eq: EquationSpec, nodes: DiagramNodeSpec[]): string[] {
  const rhs = eq.tex.includes('=') ? eq.tex.slice(eq.tex.indexOf('=') + 1) : eq.tex;
  const out = new Set<string>();
  const has = (form: string) => new RegExp(`(?<![A-Za-z\\\\])${escapeRe(form)}(?![A-Za-z0-9])`).test(rhs);
  if (has('x_t') || has('x_{t}')) out.add('x');
  for (const n of nodes) {
    const prev = n.tex.replace(/_t$|_\{t\}$/, '_{t-1}');
    if (prev !== n.tex && has(prev)) out.add(`${n.id}_prev`);
    if (n.id !== eq.id && has(n.tex)) out.add(n.id);
  }
  return [...out];
}

export function layoutDiagram(d: CellDiagramData): DiagramLayout {
  const specs = [...d.gates, ...d.states];
  const specOf = new Map(specs.map((s) => [s.id, s]));
  const stateIds = new Set(d.states.map((s) => s.id));
  const eqs = d.equations.filter((e) => specOf.has(e.id));
  const usesOf = new Map(eqs.map((e) => [e.id, e.uses ?? inferUses(e, specs)]));
  const eqIds = new Set(eqs.map((e) => e.id));

  const left: string[] = [];
  const addLeft = (id: string) => {
    if (!left.includes(id) && (id === 'x' || (id.endsWith('_prev') && specOf.has(id.slice(0, -5))))) left.push(id);
  };
  for (const u of usesOf.values()) u.forEach(addLeft);
  left.sort((a, b) => (a === 'x' ? -1 : b === 'x' ? 1 : 0));

  // Longest path from the inputs, with a cap so a cyclic `uses` cannot loop forever.
  const depth = new Map<string, number>();
  const depthOf = (id: string, seen: Set<string>): number => {
    if (!eqIds.has(id)) return 0;
    if (depth.has(id)) return depth.get(id)!;
    if (seen.has(id)) return 1;
    seen.add(id);
    const ds = (usesOf.get(id) ?? []).filter((u) => u !== id).map((u) => depthOf(u, seen));
    const v = 1 + Math.max(0, ...ds);
    depth.set(id, v);
    return v;
  };
  for (const id of eqIds) depthOf(id, new Set());
  const gateMax = Math.max(0, ...[...eqIds].filter((id) => !stateIds.has(id)).map((id) => depth.get(id) ?? 1));
  // New states go right of every gate, except a state some gate reads now (mRNN's d_t feeds the
  // filter weights): moving that one right would draw an edge backwards.
  const readByGate = new Set(eqs.filter((e) => !stateIds.has(e.id)).flatMap((e) => usesOf.get(e.id) ?? []));
  const pushed = (id: string) => stateIds.has(id) && !readByGate.has(id);
  for (const id of eqIds) if (pushed(id)) depth.set(id, Math.max(depth.get(id) ?? 1, gateMax + 1));
  // A pushed state read by another state must stay left of it.
  for (let pass = 0; pass < eqs.length; pass++) {
    for (const e of eqs) {
      const need = 1 + Math.max(0, ...(usesOf.get(e.id) ?? []).filter((u) => u !== e.id && eqIds.has(u)).map((u) => depth.get(u) ?? 0));
      if ((depth.get(e.id) ?? 0) < need) depth.set(e.id, need);
    }
  }
  // Close gaps: columns are consecutive.
  const used = [...new Set([0, ...depth.values()])].sort((a, b) => a - b);
  const colOf = (dep: number) => used.indexOf(dep);

  const nodes: DiagramNode[] = [];
  const rowsIn = new Map<number, number>();
  const place = (col: number) => {
    const r = rowsIn.get(col) ?? 0;
    rowsIn.set(col, r + 1);
    return r;
  };
  for (const id of left) {
    const base = id === 'x' ? { base: 'x', sub: 't', sup: '' } : { ...symbolParts(specOf.get(id.slice(0, -5))!.tex), sub: 't−1' };
    const owner = id === 'x' ? 'x' : id.slice(0, -5);
    nodes.push({ id, kind: id === 'x' ? 'input' : 'prev', col: 0, row: place(0), ...base,
      label: id === 'x' ? 'input' : specOf.get(owner)!.label, color: id === 'x' ? '#475569' : gateColor(owner) });
  }
  for (const e of eqs) {
    const col = colOf(depth.get(e.id) ?? 1);
    const spec = specOf.get(e.id)!;
    nodes.push({ id: e.id, kind: stateIds.has(e.id) ? 'state' : 'gate', col, row: place(col), ...symbolParts(spec.tex), label: spec.label, color: gateColor(e.id) });
  }
  const known = new Set(nodes.map((n) => n.id));
  const edges = eqs.flatMap((e) => (usesOf.get(e.id) ?? []).filter((u) => known.has(u) && u !== e.id).map((u) => ({ from: u, to: e.id })));
  return { nodes, edges, cols: used.length, rows: Math.max(1, ...rowsIn.values()) };
}

/** Node captions stay short; the full label is the node's tooltip. */
export function shortLabel(label: string, max = 18): string {
  const cut = label.split(/\s[(（[]|[,，;；:]/)[0].trim();
  return cut.length <= max ? cut : `${cut.slice(0, max - 1).trimEnd()}…`;
}

export interface CellDiagramView {
  update(d: CellDiagramData, labelOf?: (id: string, fallback: string) => string): void;
  destroy(): void;
}

const ROW_H = 54;
const NODE_R = 19;

export function createCellDiagram(el: HTMLElement): CellDiagramView {
  const svg = select(el).append('svg').attr('class', 'cell-diagram').attr('data-testid', 'cell-diagram').attr('role', 'img');
  const defs = svg.append('defs');
  const edgeG = svg.append('g').attr('class', 'edges');
  const nodeG = svg.append('g').attr('class', 'nodes');
  const st: { last: CellDiagramData | null; labelOf?: (id: string, f: string) => string } = { last: null };

  const draw = () => {
    const d = st.last;
    if (!d) return;
    svg.attr('aria-label', diagramAlt(d, docLang()));
    const L = layoutDiagram(d);
    const width = Math.max(320, el.clientWidth || 560);
    const height = L.rows * ROW_H + 34;
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
    // Side margins keep the outer columns' captions inside the picture.
    const padX = 46;
    const colW = (width - 2 * padX) / Math.max(1, L.cols);
    const count = new Map<number, number>();
    for (const n of L.nodes) count.set(n.col, (count.get(n.col) ?? 0) + 1);
    const pos = new Map(
      L.nodes.map((n) => {
        const k = count.get(n.col)!;
        const top = (height - 18 - k * ROW_H) / 2;
        return [n.id, { x: padX + colW * (n.col + 0.5), y: top + ROW_H * (n.row + 0.5) }];
      }),
    );
    const colorOf = new Map(L.nodes.map((n) => [n.id, n.color]));

    defs.selectAll('marker').data([...new Set(L.nodes.map((n) => n.color))], (c) => c as string)
      .join((enter) => {
        const m = enter.append('marker').attr('viewBox', '0 0 8 8').attr('refX', 7).attr('refY', 4)
          .attr('markerWidth', 7).attr('markerHeight', 7).attr('orient', 'auto-start-reverse');
        m.append('path').attr('d', 'M0,0 L8,4 L0,8 z');
        return m;
      })
      .attr('id', (c) => `arrow-${c.slice(1)}`)
      .select('path').attr('fill', (c) => c);

    edgeG.selectAll<SVGPathElement, { from: string; to: string }>('path')
      .data(L.edges, (e) => `${e.from}>${e.to}`)
      .join('path')
      .attr('fill', 'none')
      .attr('stroke', (e) => colorOf.get(e.from)!)
      .attr('stroke-opacity', 0.55)
      .attr('stroke-width', 1.6)
      .attr('marker-end', (e) => `url(#arrow-${colorOf.get(e.from)!.slice(1)})`)
      .attr('data-edge', (e) => `${e.from}>${e.to}`)
      .attr('d', (e) => {
        const a = pos.get(e.from)!;
        const b = pos.get(e.to)!;
        if (Math.abs(a.x - b.x) < 1) {
          // Same column (a state feeding another state): a bow to the right.
          const bow = 34;
          const sy = a.y + Math.sign(b.y - a.y) * NODE_R;
          const ey = b.y - Math.sign(b.y - a.y) * (NODE_R + 2);
          return `M${a.x + NODE_R * 0.7},${sy} C${a.x + bow},${sy} ${b.x + bow},${ey} ${b.x + NODE_R * 0.7},${ey}`;
        }
        const dir = Math.sign(b.x - a.x);
        const sx = a.x + dir * NODE_R;
        const ex = b.x - dir * (NODE_R + 3);
        const mx = (sx + ex) / 2;
        return `M${sx},${a.y} C${mx},${a.y} ${mx},${b.y} ${ex},${b.y}`;
      });

    const g = nodeG.selectAll<SVGGElement, DiagramNode>('g.node')
      .data(L.nodes, (n) => n.id)
      .join((enter) => {
        const e = enter.append('g').attr('class', 'node');
        e.append('rect');
        e.append('text').attr('class', 'sym').attr('text-anchor', 'middle').attr('dy', '0.35em');
        e.append('text').attr('class', 'node-label').attr('text-anchor', 'middle');
        e.append('title');
        return e;
      })
      .attr('data-node', (n) => n.id)
      .attr('class', (n) => `node ${n.kind}`)
      .attr('transform', (n) => `translate(${pos.get(n.id)!.x},${pos.get(n.id)!.y})`);
    g.select('rect')
      .attr('x', (n) => (n.kind === 'gate' ? -NODE_R : -NODE_R - 6))
      .attr('y', -NODE_R + 2)
      .attr('width', (n) => (n.kind === 'gate' ? 2 * NODE_R : 2 * NODE_R + 12))
      .attr('height', 2 * NODE_R - 4)
      .attr('rx', (n) => (n.kind === 'gate' ? NODE_R : 7))
      .attr('fill', (n) => (n.kind === 'prev' || n.kind === 'input' ? '#fff' : `color-mix(in srgb, ${n.color} 14%, white)`))
      .attr('stroke', (n) => n.color)
      .attr('stroke-width', (n) => (n.kind === 'state' ? 2.2 : 1.4))
      .attr('stroke-dasharray', (n) => (n.kind === 'prev' ? '3 2' : null));
    const sym = g.select<SVGTextElement>('text.sym').attr('fill', (n) => n.color);
    sym.selectAll('tspan').remove();
    sym.each(function (n) {
      const t = select(this);
      t.append('tspan').attr('class', 'base').text(n.base);
      if (n.sup) t.append('tspan').attr('class', 'script').attr('dy', '-0.5em').text(n.sup);
      if (n.sub) t.append('tspan').attr('class', 'script').attr('dy', n.sup ? '0.95em' : '0.35em').text(n.sub);
    });
    const fullLabel = (n: DiagramNode) => {
      const owner = n.kind === 'prev' ? n.id.slice(0, -5) : n.id;
      // The input node asks for id 'x' (the caller translates “input”).
      return st.labelOf ? st.labelOf(owner, n.label) : n.label;
    };
    g.select('text.node-label').attr('y', NODE_R + 9).text((n) => shortLabel(fullLabel(n)));
    g.select('title').text((n) => fullLabel(n));
  };

  const ro = typeof ResizeObserver === 'function' ? new ResizeObserver(() => draw()) : null;
  ro?.observe(el);
  return {
    update(d, labelOf) {
      st.last = d;
      st.labelOf = labelOf;
      draw();
    },
    destroy() {
      ro?.disconnect();
      svg.remove();
    },
  };
}
