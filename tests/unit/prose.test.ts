// Every prose string a student reads (cell cards and tiles, option help, labels, init
// descriptions, the i18n tables, in English and Chinese) keeps to the one convention of
// src/i18n/prose.ts: maths inside $…$, code names inside `…`, and nothing of the development
// process (internal file paths, commit hashes). Each $…$ must be TeX KaTeX can render, and
// RichText must turn it into KaTeX output.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import type { CellDims, CellSpec } from '../../src/cells/types';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { cellSummariesZh, gateLabelsZh, initPhrasesZh } from '../../src/i18n/cells-zh';
import { initText } from '../../src/i18n';
import { plainProse, splitProse } from '../../src/i18n/prose';
import { RichText } from '../../src/components/RichText';

/** Every prose string of a cell, named by where it lives. */
export function cellProse(c: CellSpec): [string, string][] {
  const out: [string, string][] = [
    [`${c.id}.name`, c.name],
    [`${c.id}.summary`, c.summary],
    [`${c.id}.notes`, c.notes ?? ''],
    [`${c.id}.paper.title`, c.paper.title],
    [`${c.id}.zh.name`, c.zh?.name ?? ''],
    [`${c.id}.zh.summary`, c.zh?.summary ?? ''],
    [`${c.id}.zh.notes`, c.zh?.notes ?? ''],
  ];
  for (const [k, v] of Object.entries(c.zh?.gateLabels ?? {})) out.push([`${c.id}.zh.gateLabels.${k}`, v]);
  for (const o of c.options) {
    out.push([`${c.id}.option.${o.key}.label`, o.label], [`${c.id}.option.${o.key}.help`, o.help ?? '']);
    out.push([`${c.id}.option.${o.key}.zh.label`, o.zh?.label ?? ''], [`${c.id}.option.${o.key}.zh.help`, o.zh?.help ?? '']);
  }
  for (const g of [...c.gates, ...c.states]) out.push([`${c.id}.part.${g.id}.label`, g.label]);
  for (const [i, label] of initLabels(c).entries()) {
    out.push([`${c.id}.init[${i}]`, label], [`${c.id}.init[${i}].zh`, initText('zh', label)]);
  }
  return out.filter(([, s]) => s);
}

/** Init labels of every variant: each choice and boolean of each option, lower and top layer. */
export function initLabels(c: CellSpec): string[] {
  const base = Object.fromEntries(c.options.map((o) => [o.key, o.default]));
  const variants = [base];
  for (const o of c.options) {
    for (const v of o.choices ?? (o.kind === 'boolean' ? [true, false] : [])) variants.push({ ...base, [o.key]: v });
  }
  const labels = new Set<string>();
  for (const options of variants) {
    for (const layer of [0, 1]) {
      const dims: CellDims = { inputSize: 3, hiddenSize: 8, seqLen: 10, layer, numLayers: 2, options };
      for (const p of c.params(dims)) labels.add(p.initLabel);
    }
  }
  return [...labels];
}

const i18nProse = (): [string, string][] => [
  ...Object.entries(en).map(([k, v]) => [`en:${k}`, v] as [string, string]),
  ...Object.entries(zh).map(([k, v]) => [`zh:${k}`, v as string] as [string, string]),
  ...Object.entries(cellSummariesZh).map(([k, v]) => [`cellSummariesZh.${k}`, v] as [string, string]),
  ...Object.entries(gateLabelsZh).map(([k, v]) => [`gateLabelsZh.${k}`, v] as [string, string]),
  ...initPhrasesZh.map(([, v], i) => [`initPhrasesZh[${i}]`, v] as [string, string]),
];

const allProse = (): [string, string][] => [...cellList.flatMap(cellProse), ...i18nProse()];

/** What a reader must never see: our own file paths and commit hashes. */
export function devLeaks(text: string): string[] {
  const found: string[] = [];
  for (const re of [/\.\.\//g, /\bshared\//g, /\.md\b/g, /§/g, /\bcommit\b/gi, /\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b/g, /cell-equations/g]) {
    for (const m of text.matchAll(re)) found.push(m[0]);
  }
  return found;
}

/** TeX where the page shows plain text: outside $…$ and `…` (i18n {placeholders} aside). */
export function texOutsideMath(text: string): string[] {
  const found: string[] = [];
  for (const p of splitProse(text)) {
    // A glossary link's shown words are prose too ([[spectral-radius|$\rho$]] is fine, [[x|W_hh]] is not).
    if (p.kind === 'term') {
      found.push(...texOutsideMath(p.s));
      continue;
    }
    if (p.kind !== 'text') continue;
    const s = p.s.replace(/\{\w+\}/g, '');
    for (const re of [/\S*_\S*/g, /\S*\^\S*/g, /\\[A-Za-z]+/g, /[{}]/g]) {
      for (const m of s.matchAll(re)) found.push(m[0]);
    }
  }
  return found;
}

describe('prose: no development paths, no TeX outside $…$', () => {
  it('finds the kinds of leak it is meant to find', () => {
    expect(devLeaks('From ../shared/cell-equations.md §8')).not.toEqual([]);
    expect(devLeaks('read as repo/x.pdf, commit be6e82e')).not.toEqual([]);
    expect(devLeaks('a 40-hex a2efb61c0d8a474e45bf5a3f32e854a2efb61c0d')).not.toEqual([]);
    expect(devLeaks('Bradbury et al. 2016, Sec. 2; github.com/salesforce/pytorch-qrnn')).toEqual([]);
    expect(texOutsideMath('h_{t−1} = o_{t−1} ⊙ tanh(c_{t−1})')).not.toEqual([]);
    expect(texOutsideMath('the size of W_hh')).not.toEqual([]);
    expect(texOutsideMath('\\odot')).not.toEqual([]);
    expect(texOutsideMath('the size of $W_{hh}$, `weight_hh`, {name}')).toEqual([]);
    expect(texOutsideMath('the [[spectral-radius|radius $\\rho$]] of W')).toEqual([]);
    expect(texOutsideMath('the [[spectral-radius|radius of W_hh]]')).not.toEqual([]);
  });

  it('no prose string of any cell (English, Chinese, options, labels, init) or of the i18n tables leaks', () => {
    const bad = allProse()
      .map(([where, s]) => [where, [...devLeaks(s), ...texOutsideMath(s)]] as const)
      .filter(([, hits]) => hits.length)
      .map(([where, hits]) => `${where}: ${hits.slice(0, 6).join('  ')}`);
    expect(bad).toEqual([]);
  });

  it('every $…$ in that prose is TeX that KaTeX renders', () => {
    const bad: string[] = [];
    for (const [where, s] of allProse()) {
      for (const p of splitProse(s).flatMap((q) => (q.kind === 'term' ? splitProse(q.s) : [q]))) {
        if (p.kind !== 'math') continue;
        try {
          katex.renderToString(p.s, { throwOnError: true, strict: 'ignore' });
        } catch (e) {
          bad.push(`${where}: $${p.s}$ — ${(e as Error).message.slice(0, 80)}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('RichText', () => {
  it('renders $…$ as KaTeX and `…` as code, the rest as text', () => {
    const html = renderToStaticMarkup(createElement(RichText, { text: 'the gate $f_t \\odot c_{t-1}$ and `weight_hh`.' }));
    expect(html).toContain('class="katex"');
    expect(html).toContain('⊙');
    expect(html).toContain('<code class="prose-code">weight_hh</code>');
    expect(html).toContain('the gate ');
    expect(html).not.toContain('$');
  });

  it('cites a public repository as a link', () => {
    const html = renderToStaticMarkup(createElement(RichText, { text: 'the authors’ code (github.com/amarshah/complex_RNN, `models.py`)' }));
    expect(html).toContain('<a href="https://github.com/amarshah/complex_RNN"');
    expect(html).toContain('<code class="prose-code">models.py</code>');
  });

  it('colours a cell symbol in maths', () => {
    const html = renderToStaticMarkup(createElement(RichText, { text: '$f_t$', symbols: [{ tex: 'f_t', color: '#123456' }] }));
    expect(html).toContain('#123456');
  });

  it('renders a glossary link as a button with the shown words (maths inside too)', () => {
    const html = renderToStaticMarkup(createElement(RichText, { text: 'its [[spectral-radius|radius $\\rho$]] and [[bptt]]' }));
    expect(html).toMatch(/<button[^>]*data-term="spectral-radius"[^>]*>.*radius .*class="katex"/);
    expect(html).toContain('Backpropagation through time');
    expect(html).not.toContain('[[');
  });

  it('plainProse reads maths out for tooltips', () => {
    expect(plainProse('keep $f_t \\odot c_{t-1}$ and $\\sqrt{H}$')).toBe('keep f_t ⊙ c_t-1 and √H');
  });
});
