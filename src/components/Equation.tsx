// KaTeX behind one wrapper (options in tex.ts: trust off, strict). Rendering errors show the source
// instead of breaking the page.
import { memo, useMemo } from 'react';
import katex from 'katex';
import { KATEX_OPTIONS } from './tex';

export interface EquationProps {
  tex: string;
  display?: boolean;
  className?: string;
  testId?: string;
}

export const Equation = memo(function Equation({ tex, display = false, className, testId }: EquationProps) {
  const html = useMemo(
    () =>
      katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: display }),
    [tex, display],
  );
  return <span className={className} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
});
