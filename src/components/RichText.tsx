// Prose with inline maths: $…$ segments render through KaTeX, gate symbols in their gate colours,
// so the lesson text, the equations and the heatmaps share one visual vocabulary.
import { Equation } from './Equation';
import { colorizeTex, type TexSymbol } from './tex';

export function splitMath(text: string): { math: boolean; s: string }[] {
  const parts = text.split(/(\$[^$]+\$)/g).filter((p) => p !== '');
  return parts.map((p) => (p.length > 2 && p.startsWith('$') && p.endsWith('$') ? { math: true, s: p.slice(1, -1) } : { math: false, s: p }));
}

export function RichText({ text, symbols = [] }: { text: string; symbols?: TexSymbol[] }) {
  return (
    <>
      {splitMath(text).map((p, i) => (p.math ? <Equation key={i} tex={colorizeTex(p.s, symbols)} /> : <span key={i}>{p.s}</span>))}
    </>
  );
}
