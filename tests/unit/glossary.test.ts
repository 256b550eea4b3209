// The glossary: every term the brief lists has a name and a short definition in English and
// Chinese; every [[term-id|…]] in every string of the app (lesson text, en and zh) names a term
// the glossary has, and no half-written link ([[…] without a known shape) is left as plain text;
// RichText renders a term as a button that opens its definition.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { GLOSSARY_IDS, isTerm, RELATED, termKeys } from '../../src/lessons/glossary';
import { plainProse, splitProse, termIds, textOutsideMath } from '../../src/i18n/prose';
import { RichText } from '../../src/components/RichText';
import { LESSONS } from '../../src/lessons/registry';

const EN = en as Record<string, string>;
const ZH = zh as Record<string, string>;

/** The term ids the course uses (the brief's list): all of them must be defined. */
const REQUIRED = [
  'unroll', 'weight-sharing', 'hidden-state', 'cell-state', 'gate', 'forget-gate', 'input-gate', 'output-gate',
  'update-gate', 'reset-gate', 'bptt', 'jacobian', 'eigenvalue', 'spectral-radius', 'singular-value',
  'orthogonal', 'unitary', 'vanishing-gradient', 'exploding-gradient', 'gradient-clipping', 'sv-clipping',
  'saturation', 'cec', 'peephole', 'selectivity', 'time-scale', 'skip-connection', 'dilation', 'fixed-point',
  'long-memory', 'power-law', 'bidirectional', 'stacking', 'cross-entropy', 'bits-per-char', 'temperature',
  'baseline', 'tensor-train', 'unigram-entropy',
];

/** Every string a lesson page can show: the whole tables (lesson text, glossary, UI). */
const strings = (): [string, string][] => [
  ...Object.entries(EN).map(([k, v]) => [`en:${k}`, v] as [string, string]),
  ...Object.entries(ZH).map(([k, v]) => [`zh:${k}`, v] as [string, string]),
];

describe('glossary', () => {
  it('defines exactly the listed terms, once each', () => {
    expect([...GLOSSARY_IDS].sort()).toEqual([...REQUIRED].sort());
    expect(new Set(GLOSSARY_IDS).size).toBe(GLOSSARY_IDS.length);
    for (const [id, rel] of Object.entries(RELATED)) for (const r of rel ?? []) expect(isTerm(r), `${id} → ${r}`).toBe(true);
  });

  it('every term has a name and a one- or two-sentence definition in English and in Chinese', () => {
    const bad: string[] = [];
    for (const id of GLOSSARY_IDS) {
      const { name, def } = termKeys(id);
      for (const [lang, table] of [['en', EN], ['zh', ZH]] as const) {
        if (!table[name]?.trim()) bad.push(`${lang} ${name} missing`);
        const d = table[def] ?? '';
        if (d.length < 30) bad.push(`${lang} ${def} too short`);
        const sentences = textOutsideMath(d).split(/[.。!?！？](?:\s|$)|[。！？]/).filter((s) => s.trim().length > 3).length;
        if (sentences > 3) bad.push(`${lang} ${def}: ${sentences} sentences`);
      }
      if (!/[\u4e00-\u9fff]/.test(ZH[name] ?? '') || !/[\u4e00-\u9fff]/.test(ZH[def] ?? '')) bad.push(`zh ${id} is not Chinese`);
      if (ZH[def] === EN[def]) bad.push(`zh ${def} untranslated`);
      // Definitions link no further terms: the popover holds no popovers.
      if (termIds(EN[def] ?? '').length || termIds(ZH[def] ?? '').length) bad.push(`${def} links a term`);
    }
    expect(bad).toEqual([]);
  });

  it('parses [[term-id|shown]] and [[term-id]], beside maths and code', () => {
    expect(splitProse('the [[forget-gate|forget gate]] $f_t$ and [[bptt]].')).toEqual([
      { kind: 'text', s: 'the ' },
      { kind: 'term', term: 'forget-gate', s: 'forget gate' },
      { kind: 'text', s: ' ' },
      { kind: 'math', s: 'f_t' },
      { kind: 'text', s: ' and ' },
      { kind: 'term', term: 'bptt', s: '' },
      { kind: 'text', s: '.' },
    ]);
    expect(plainProse('a [[gate|gate]] and [[bptt]]')).toBe('a gate and Backpropagation through time (BPTT)');
    expect(plainProse('[[gate]]', 'zh')).toBe('门');
    expect(termIds('[[no-such-term|x]] and [[cec]]')).toEqual(['no-such-term', 'cec']);
  });

  it('every term link in every string, English and Chinese, names a glossary term, and none is malformed', () => {
    const unknown: string[] = [];
    const malformed: string[] = [];
    for (const [where, s] of strings()) {
      for (const id of termIds(s)) if (!isTerm(id)) unknown.push(`${where}: [[${id}]]`);
      for (const p of splitProse(s)) if (p.kind === 'text' && /\[\[|\]\]/.test(p.s)) malformed.push(`${where}: ${p.s.slice(0, 60)}`);
    }
    expect({ unknown, malformed }).toEqual({ unknown: [], malformed: [] });
  });

  it('a lesson links the same terms in English and Chinese', () => {
    const bad: string[] = [];
    for (const l of LESSONS) {
      for (const s of l.steps) {
        const key = `${s.textKey}.body`;
        const a = new Set(termIds(EN[key] ?? ''));
        const b = new Set(termIds(ZH[key] ?? ''));
        const onlyEn = [...a].filter((x) => !b.has(x));
        const onlyZh = [...b].filter((x) => !a.has(x));
        if (onlyEn.length || onlyZh.length) bad.push(`${key}: en only ${onlyEn.join(',')} · zh only ${onlyZh.join(',')}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('RichText renders a known term as a button that opens its definition, an unknown one as plain text', () => {
    const html = renderToStaticMarkup(createElement(RichText, { text: 'the [[forget-gate|forget gate]] and [[nope|this]]' }));
    expect(html).toContain('data-term="forget-gate"');
    expect(html).toMatch(/<button[^>]*class="term"[^>]*aria-expanded="false"/);
    expect(html).toContain('forget gate');
    expect(html).not.toContain('data-term="nope"');
    expect(html).toContain('this');
    expect(html).not.toContain('[[');
    const plain = renderToStaticMarkup(createElement(RichText, { text: 'the [[forget-gate|forget gate]]', plainTerms: true }));
    expect(plain).not.toContain('<button');
  });
});
