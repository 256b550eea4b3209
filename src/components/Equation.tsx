// KaTeX behind one wrapper. Rendering errors show the source instead of breaking the page.
import { memo, useMemo } from 'react';
import katex from 'katex';

export interface EquationProps {
  tex: string;
  display?: boolean;
  className?: string;
  testId?: string;
}

export const Equation = memo(function Equation({ tex, display = false, className, testId }: EquationProps) {
  const html = useMemo(
    () =>
      katex.renderToString(tex, {
        displayMode: display,
        throwOnError: false,
        // \htmlStyle / \htmlData are only used by our own cell definitions, never by user input.
        trust: (ctx) => ctx.command === '\\htmlStyle' || ctx.command === '\\htmlData',
        strict: 'ignore',
        output: 'html',
      }),
    [tex, display],
  );
  return <span className={className} data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
});
