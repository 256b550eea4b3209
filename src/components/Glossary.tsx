// The glossary section of the lesson page: every term with its definition, in the syllabus order
// (src/lessons/glossary.ts; text in src/i18n/lessons/glossary.ts). Opened from the lesson index or
// from a term's popover, which also brings its entry into view and gives it focus.
import { useEffect, useRef } from 'react';
import { GLOSSARY_IDS, RELATED, termKeys } from '../lessons/glossary';
import type { MessageKey } from '../i18n';
import { RichText } from './RichText';
import { glossaryState, useGlossaryUi } from './GlossaryTerm';
import { useT } from './hooks';

export function GlossarySection() {
  const t = useT();
  const ui = useGlossaryUi();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!ui.open) return;
    const el = ui.focus ? ref.current?.querySelector<HTMLElement>(`[data-term-entry="${ui.focus}"]`) : ref.current;
    if (!el) return;
    el.scrollIntoView?.({ block: 'start' });
    if (ui.focus) el.focus({ preventScroll: true });
  }, [ui.open, ui.focus, ui.n]);
  if (!ui.open) return null;
  return (
    <section className="card glossary" id="glossary" data-testid="glossary" ref={ref} tabIndex={-1} aria-labelledby="glossary-title">
      <header className="card-head">
        <h2 className="card-title" id="glossary-title">{t('glossary.title')}</h2>
        <p className="card-hint">{t('glossary.hint')}</p>
      </header>
      <dl className="glossary-list">
        {GLOSSARY_IDS.map((id) => {
          const keys = termKeys(id);
          return (
            <div key={id} className={`glossary-entry${ui.focus === id ? ' focused' : ''}`} data-term-entry={id} tabIndex={-1}>
              <dt>{t(keys.name as MessageKey)}</dt>
              <dd>
                <RichText text={t(keys.def as MessageKey)} plainTerms />
                {RELATED[id] && (
                  <span className="glossary-related">
                    {' → '}
                    {RELATED[id]!.map((r, i) => (
                      <span key={r}>
                        {i > 0 && ', '}
                        <button type="button" className="link-button" onClick={() => glossaryState.show(r)}>{t(termKeys(r).name as MessageKey)}</button>
                      </span>
                    ))}
                  </span>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      <button type="button" className="btn btn-ghost" data-testid="glossary-close" onClick={() => glossaryState.toggle()}>{t('glossary.close')}</button>
    </section>
  );
}
