// The card's dataflow diagram is laid out from equations alone: inputs and previous states in the
// first column, each gate right of what it reads, states last; edges are exactly the `uses`.
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { inferUses, layoutDiagram, shortLabel, symbolParts, texText } from '../../src/views/cell-diagram';

const lstm = cellList.find((c) => c.id === 'lstm')!;
const data = (c: typeof lstm) => ({ equations: c.equations, gates: c.gates, states: c.states.filter((s) => !s.hidden) });

describe('cell diagram layout', () => {
  it('follows explicit uses: edges are the uses, columns increase along them', () => {
    const eqs = [
      { id: 'a', tex: 'a_t = \\sigma(x_t)', uses: ['x', 's_prev'] },
      { id: 'b', tex: 'b_t = a_t', uses: ['a'] },
      { id: 's', tex: 's_t = b_t s_{t-1}', uses: ['b', 's_prev'] },
    ];
    const L = layoutDiagram({
      equations: eqs,
      gates: [{ id: 'a', tex: 'a_t', label: 'A' }, { id: 'b', tex: 'b_t', label: 'B' }],
      states: [{ id: 's', tex: 's_t', label: 'S' }],
    });
    const col = Object.fromEntries(L.nodes.map((n) => [n.id, n.col]));
    expect(col).toEqual({ x: 0, s_prev: 0, a: 1, b: 2, s: 3 });
    expect(L.edges).toEqual([
      { from: 'x', to: 'a' }, { from: 's_prev', to: 'a' }, { from: 'a', to: 'b' }, { from: 'b', to: 's' }, { from: 's_prev', to: 's' },
    ]);
    for (const e of L.edges) expect(col[e.to]).toBeGreaterThan(col[e.from]);
  });

  it('reads uses from the TeX when a cell gives none (the LSTM)', () => {
    const f = lstm.equations.find((e) => e.id === 'f')!;
    const specs = [...lstm.gates, ...lstm.states];
    expect(inferUses({ ...f, uses: undefined }, specs).sort()).toEqual(['h_prev', 'x']);
    const c = lstm.equations.find((e) => e.id === 'c')!;
    expect(inferUses({ ...c, uses: undefined }, specs).sort()).toEqual(['c_prev', 'f', 'g', 'i']);
    const L = layoutDiagram(data(lstm));
    const col = Object.fromEntries(L.nodes.map((n) => [n.id, n.col]));
    expect(col.i).toBe(1);
    expect(col.c).toBe(2);
    expect(col.h).toBe(3);
  });

  it('lays out every registered cell left to right: edges point right, unread states after every gate', () => {
    for (const cell of cellList) {
      const L = layoutDiagram(data(cell));
      const col = new Map(L.nodes.map((n) => [n.id, n.col]));
      for (const e of L.edges) expect(col.get(e.to)!, `${cell.id}: ${e.from} → ${e.to}`).toBeGreaterThan(col.get(e.from)!);
      const gates = L.nodes.filter((n) => n.kind === 'gate');
      const readByGate = new Set(L.edges.filter((e) => gates.some((g) => g.id === e.to)).map((e) => e.from));
      const states = L.nodes.filter((n) => n.kind === 'state' && !readByGate.has(n.id));
      for (const s of states) for (const g of gates) expect(s.col, `${cell.id}: ${s.id} vs ${g.id}`).toBeGreaterThan(g.col);
      expect(L.nodes.filter((n) => n.col === 0).length, cell.id).toBeGreaterThan(0);
    }
  });

  it('shortens long captions', () => {
    expect(shortLabel('filter weights, lag 1…K (mean over features)')).toBe('filter weights');
    expect(shortLabel('memory parameter (per input feature)')).toBe('memory parameter');
    expect(shortLabel('state [Re h; Im h]')).toBe('state');
    expect(shortLabel('a very long caption without any break')).toHaveLength(18);
  });

  it('turns TeX symbols into plain labels', () => {
    expect(symbolParts('\\tilde{c}_t')).toEqual({ base: 'c\u0303', sub: 't', sup: '' });
    expect(symbolParts('\\mu^{(\\alpha)}_t')).toEqual({ base: 'μ', sub: 't', sup: '(α)' });
    expect(texText('\\sigma(x)')).toBe('σ(x)');
    expect(texText('\\mathbf{W}_{t-1}')).toBe('W_t−1');
  });
});
