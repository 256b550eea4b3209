// Every piece of TeX the page can show renders under the page's KaTeX options (trust off, strict
// 'error') without an error: each cell's gate, state and equation TeX (plain and gate-coloured),
// its parameter shape labels under every choice of its options, and every $…$ in the string
// tables (en, zh, lesson texts, cell texts, lessons, gallery). A throw here names the string.
import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { KATEX_OPTIONS, colorizeTex } from '../../src/components/tex';
import { cellList } from '../../src/cells/registry';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { lessonTextEn, lessonTextZh } from '../../src/i18n/lessons';
import { cellSummariesZh, gateLabelsZh } from '../../src/i18n/cells-zh';
import { LESSONS } from '../../src/lessons/registry';
import { DEMOS } from '../../src/demos/gallery';
import { splitProse } from '../../src/i18n/prose';
import type { CellOptions, CellSpec } from '../../src/cells/types';

const strictly = { ...KATEX_OPTIONS, throwOnError: true };

/** Every TeX string reachable from a value: `tex`/`shapeLabel` fields whole, other strings' $…$. */
function texIn(value: unknown, where: string, out: Map<string, string>, seen = new Set<unknown>()): void {
  if (typeof value === 'string') {
    for (const p of splitProse(value)) if (p.kind === 'math' && !out.has(p.s)) out.set(p.s, where);
    return;
  }
  if (!value || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  for (const [k, v] of Object.entries(value)) {
    if ((k === 'tex' || k === 'shapeLabel') && typeof v === 'string') {
      if (!out.has(v)) out.set(v, `${where}.${k}`);
    } else texIn(v, `${where}.${k}`, out, seen);
  }
}

/** The default options, then each choice or boolean option flipped on its own. */
function variants(cell: CellSpec): CellOptions[] {
  const base: CellOptions = Object.fromEntries(cell.options.map((o) => [o.key, o.default]));
  const out = [base];
  for (const o of cell.options) {
    if (o.kind === 'choice') for (const c of o.choices ?? []) out.push({ ...base, [o.key]: c });
    if (o.kind === 'boolean') out.push({ ...base, [o.key]: !o.default });
  }
  return out;
}

function cellTex(): Map<string, string> {
  const out = new Map<string, string>();
  for (const cell of cellList) {
    texIn(cell, cell.id, out);
    const symbols = [...cell.gates, ...cell.states].map((g) => ({ tex: g.tex, color: '#123456' }));
    for (const eq of cell.equations) out.set(colorizeTex(eq.tex, symbols), `${cell.id} coloured equation ${eq.id}`);
    for (const g of [...cell.gates, ...cell.states]) out.set(`\\textcolor{#123456}{${g.tex}}`, `${cell.id} coloured ${g.id}`);
    for (const options of variants(cell)) {
      let params: { shapeLabel: string }[] = [];
      try {
        params = cell.params({ inputSize: 3, hiddenSize: 8, seqLen: 10, layer: 0, numLayers: 1, options });
      } catch {
        continue; // a combination the cell refuses is never drawn
      }
      for (const p of params) out.set(p.shapeLabel, `${cell.id} params ${JSON.stringify(options)}`);
    }
  }
  return out;
}

function renderAll(tex: Map<string, string>): string[] {
  const failures: string[] = [];
  for (const [s, where] of tex) {
    try {
      katex.renderToString(s, strictly);
    } catch (e) {
      failures.push(`${where}: ${s}\n  ${(e as Error).message}`);
    }
  }
  return failures;
}

describe('KaTeX under trust off and strict mode', () => {
  it('the options are the safe ones', () => {
    expect(KATEX_OPTIONS.trust).toBe(false);
    expect(KATEX_OPTIONS.strict).toBe('error');
    // Strict mode really rejects what it should (so the sweeps below can fail) …
    expect(() => katex.renderToString('é', strictly)).toThrow(/unicode|strict/i);
    // … and untrusted commands never become links or attributes.
    for (const strict of [KATEX_OPTIONS.strict, 'ignore'] as const) {
      const html = katex.renderToString('\\href{javascript:alert(1)}{x}\\htmlStyle{color:red}{y}', { ...KATEX_OPTIONS, strict });
      expect(html).not.toMatch(/<a\b|\shref="|style="color:\s*red/);
      expect(html).toMatch(/katex-error|\\href/); // shown as source, not obeyed
    }
  });

  it("every cell's TeX renders", () => {
    const tex = cellTex();
    expect(tex.size).toBeGreaterThan(100);
    expect(renderAll(tex)).toEqual([]);
  });

  it('every $…$ of the string tables renders', () => {
    const tex = new Map<string, string>();
    texIn(en, 'en', tex);
    texIn(zh, 'zh', tex);
    texIn(lessonTextEn, 'lessonTextEn', tex);
    texIn(lessonTextZh, 'lessonTextZh', tex);
    texIn(cellSummariesZh, 'cellSummariesZh', tex);
    texIn(gateLabelsZh, 'gateLabelsZh', tex);
    texIn(LESSONS, 'lessons', tex);
    texIn(DEMOS, 'gallery', tex);
    expect(tex.size).toBeGreaterThan(200);
    expect(renderAll(tex)).toEqual([]);
  });
});
