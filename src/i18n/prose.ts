// The one convention for prose in this app (card text, option help, titles, hints, lessons):
// maths goes between $…$ and renders as inline KaTeX, code names (PyTorch's `weight_hh`, a
// file or class of an authors' repository) go between `…`. Everything else is plain text, so
// nothing outside those delimiters may look like TeX (a test scans every string for it).
// A public repository is cited as github.com/owner/name and becomes a link. A glossary term is
// linked as [[term-id|shown text]], or [[term-id]] to show the term's own name (ids: the list in
// src/lessons/glossary.ts); the page renders it as a button that opens the definition. Kept free
// of React and KaTeX: the CLI and the tests use it too.
import { en as glossEn, zh as glossZh } from './lessons/glossary';

export interface ProseSegment {
  kind: 'text' | 'math' | 'code' | 'link' | 'term';
  /** The text; for a term the shown text ('' for [[term-id]]: the term's own name is shown). */
  s: string;
  /** A term's glossary id. */
  term?: string;
}

/** [[term-id|shown]] or [[term-id]]: a glossary link. */
const TERM = String.raw`\[\[([a-z0-9-]+)(?:\|([^\]|]+))?\]\]`;

/** A public repository cited as a reader would: github.com/owner/name (rendered as a link). */
const REPO = String.raw`(?:https?://)?github\.com/[A-Za-z0-9_.-]+/[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*`;

/** Splits prose into plain text, $maths$, `code`, repository links and glossary terms. An unmatched delimiter stays text. */
export function splitProse(text: string): ProseSegment[] {
  const out: ProseSegment[] = [];
  // A string not written yet (a key missing from a table) shows nothing rather than taking the page down.
  if (typeof text !== 'string') return out;
  const re = new RegExp(String.raw`\$([^$]+)\$|\`([^\`]+)\`|(${REPO})|${TERM}`, 'g');
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ kind: 'text', s: text.slice(last, m.index) });
    out.push(m[1] !== undefined ? { kind: 'math', s: m[1] } : m[2] !== undefined ? { kind: 'code', s: m[2] }
      : m[3] !== undefined ? { kind: 'link', s: m[3] } : { kind: 'term', term: m[4], s: m[5] ?? '' });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', s: text.slice(last) });
  return out;
}

const SYMBOLS: Record<string, string> = {
  odot: '⊙', otimes: '⊗', cdot: '·', times: '×', circ: '∘', sigma: 'σ', alpha: 'α', beta: 'β', gamma: 'γ',
  delta: 'δ', epsilon: 'ε', varepsilon: 'ε', theta: 'θ', lambda: 'λ', mu: 'μ', pi: 'π', rho: 'ρ', tau: 'τ',
  phi: 'φ', varphi: 'φ', psi: 'ψ', Psi: 'Ψ', omega: 'ω', Sigma: 'Σ', Pi: 'Π', partial: '∂', nabla: '∇',
  approx: '≈', le: '≤', leq: '≤', ge: '≥', geq: '≥', ne: '≠', neq: '≠', in: '∈', to: '→', rightarrow: '→',
  leftarrow: '←', infty: '∞', sum: 'Σ', prod: 'Π', pm: '±', lVert: '‖', rVert: '‖', Vert: '‖', lvert: '|',
  rvert: '|', mid: '|', ldots: '…', dots: '…', cdots: '⋯', equiv: '≡', sim: '~', propto: '∝', top: 'ᵀ',
  ast: '∗', mathbb: '', mathrm: '', mathcal: '', operatorname: '', text: '', textrm: '', boldsymbol: '', mathbf: '',
  tanh: 'tanh', exp: 'exp', log: 'log', ln: 'ln', max: 'max', min: 'min', det: 'det', quad: ' ', qquad: ' ', ',': ' ',
  ';': ' ', '!': '', left: '', right: '', big: '', Big: '', bigl: '', bigr: '',
};

/**
 * Prose as one line of plain text, for places that cannot hold markup (a tooltip, an SVG label,
 * the CLI): delimiters dropped, common TeX commands turned into their Unicode symbols.
 */
export function plainProse(text: string, lang: 'en' | 'zh' = 'en'): string {
  return splitProse(text)
    .map((p) => (p.kind === 'math' ? plainTex(p.s) : p.kind === 'term' ? termText(p, lang) : p.s))
    .join('');
}

/** What a term link shows: its own text, else the term's name in the language (its id if unknown). */
export function termText(p: ProseSegment, lang: 'en' | 'zh' = 'en'): string {
  if (p.s) return p.s;
  const key = `gloss.${p.term}.name`;
  const table: Record<string, string> = lang === 'zh' ? glossZh : glossEn;
  return table[key] ?? (glossEn as Record<string, string>)[key] ?? p.term ?? '';
}

/** The glossary ids a text links to, in order (unknown ones too: the tests check them). */
export function termIds(text: string): string[] {
  return splitProse(text).flatMap((p) => (p.kind === 'term' && p.term ? [p.term] : []));
}

export function plainTex(tex: string): string {
  let s = tex;
  s = s.replace(/\\frac\{([^{}]*)\}\{([^{}]*)\}/g, '$1/$2');
  s = s.replace(/\\sqrt\{([^{}]*)\}/g, (_, a: string) => (a.length > 1 ? `√(${a})` : `√${a}`));
  s = s.replace(/\\tilde\{?([A-Za-z])\}?/g, '$1̃');
  s = s.replace(/\\hat\{?([A-Za-z])\}?/g, '$1̂');
  s = s.replace(/\\([A-Za-z]+|[,;!])/g, (m, name: string) => (name in SYMBOLS ? SYMBOLS[name] : name));
  s = s.replace(/[{}]/g, '');
  return s.replace(/\s+/g, ' ').trim();
}

/** What the page renders as plain text: prose with maths and code removed (for language checks). */
export function textOutsideMath(text: string): string {
  return splitProse(text)
    .filter((p) => p.kind === 'text' || (p.kind === 'term' && p.s))
    .map((p) => p.s)
    .join(' ');
}

/**
 * A short caption where maths cannot render (the dataflow diagram's SVG node labels, which sit
 * under the node's own symbol): the words without their formulas, or the formula read out when
 * there are no words.
 */
export function captionText(text: string): string {
  const words = textOutsideMath(text).replace(/[\s(（]+[)）]|\s+/g, ' ').trim();
  return words || plainProse(text);
}
