// Prose with inline maths: $…$ segments render through KaTeX (gate symbols in their gate colours,
// so the lesson text, the equations and the heatmaps share one visual vocabulary), `…` segments as
// code, [[term-id|shown]] as a glossary term that opens its definition (GlossaryTerm). Every prose
// field of the app goes through here: card summaries and notes, tile summaries, option help, card
// and chart titles and hints, lesson text. The convention: src/i18n/prose.ts.
import { Equation } from './Equation';
import { colorizeTex, type TexSymbol } from './tex';
import { splitProse } from '../i18n/prose';
import { gateTextColor } from '../views/palette';
import { GlossaryTerm, TermText } from './GlossaryTerm';

/**
 * `plainTerms`: glossary terms as plain words, for places that cannot hold a button (inside
 * another button, a definition inside the glossary's own popover).
 */
export function RichText({ text, symbols = [], plainTerms = false }: { text: string; symbols?: TexSymbol[]; plainTerms?: boolean }) {
  return (
    <>
      {splitProse(text).map((p, i) =>
        p.kind === 'math' ? <Equation key={i} className="prose-math" tex={colorizeTex(p.s, symbols)} />
          : p.kind === 'code' ? <code key={i} className="prose-code">{p.s}</code>
            : p.kind === 'link' ? <a key={i} href={p.s.startsWith('http') ? p.s : `https://${p.s}`} target="_blank" rel="noreferrer">{p.s}</a>
              : p.kind === 'term' ? (plainTerms ? <TermText key={i} segment={p} symbols={symbols} /> : <GlossaryTerm key={i} segment={p} symbols={symbols} />)
                : <span key={i}>{p.s}</span>,
      )}
    </>
  );
}

/** A cell's gate and state symbols in their colours, for prose about that cell. */
export function texSymbols(
  cell: { gates: { id: string; tex: string }[]; states: { id: string; tex: string }[] },
  color: (id: string) => string = gateTextColor,
): TexSymbol[] {
  return [...cell.gates, ...cell.states].map((g) => ({ tex: g.tex, color: color(g.id) }));
}
