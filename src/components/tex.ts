// Colours each gate/state symbol inside an equation's TeX with that gate's colour, so the maths
// and the heatmaps read as one picture. Both x_t and x_{t-1} forms of a state are coloured.
import type { KatexOptions } from 'katex';

/**
 * How every equation of the page is rendered. `trust: false`: no \href, \url, \includegraphics
 * or \html… command can reach the page, whatever a string holds. `strict: 'error'`: TeX that
 * KaTeX would only accept with a warning fails instead (tests/unit/katex-strict.test.ts renders
 * every cell's and every table's maths this way); on the page `throwOnError: false` then shows the
 * source instead of breaking the view.
 */
export const KATEX_OPTIONS = { throwOnError: false, trust: false, strict: 'error', output: 'html' } as const satisfies KatexOptions;

export interface TexSymbol {
  tex: string;
  color: string;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function colorizeTex(tex: string, symbols: TexSymbol[]): string {
  const forms: { form: string; color: string }[] = [];
  for (const s of symbols) {
    forms.push({ form: s.tex, color: s.color });
    if (/_t$/.test(s.tex)) forms.push({ form: s.tex.replace(/_t$/, '_{t-1}'), color: s.color });
    if (/_\{t\}$/.test(s.tex)) forms.push({ form: s.tex.replace(/_\{t\}$/, '_{t-1}'), color: s.color });
  }
  if (!forms.length) return tex;
  // Longest first so h_{t-1} wins over h_t; a symbol must not be part of a longer name or command.
  forms.sort((a, b) => b.form.length - a.form.length);
  const re = new RegExp(`(?<![A-Za-z\\\\])(${forms.map((f) => escapeRe(f.form)).join('|')})(?![A-Za-z0-9])`, 'g');
  const colorOf = new Map(forms.map((f) => [f.form, f.color]));
  // Braced, so a coloured symbol stays one group after ^ or _ (|z|^p).
  return tex.replace(re, (m) => `{\\textcolor{${colorOf.get(m)}}{${m}}}`);
}
