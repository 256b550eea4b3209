// A glossary term in prose ([[term-id|shown]]): a button in the text that opens a small popover
// with the term's definition, keyboard accessible (Tab to it, Enter/Space opens, focus moves into
// the popover, Escape closes and gives focus back), and a way to the whole glossary. An id the
// glossary does not know renders as plain text (and fails tests/unit/glossary.test.ts).
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { appStore, type AppStore } from '../store';
import { translate, type MessageKey } from '../i18n';
import { termText, type ProseSegment } from '../i18n/prose';
import { isTerm, termKeys } from '../lessons/glossary';
import { goToPage } from '../store/navigation';
import type { TexSymbol } from './tex';
import { RichText } from './RichText';
import type { Lang } from '../store/url';

const noSubscribe = () => () => undefined;

/** The page's language, or English where no store is installed (server rendering in tests). */
export function useLangSafe(): Lang {
  let store: AppStore | null = null;
  try {
    store = appStore();
  } catch {
    store = null;
  }
  return useSyncExternalStore(store ? store.subscribe : noSubscribe, () => store?.getState().ui.lang ?? 'en', () => 'en');
}

/** The glossary section's wishes: open or not, and which entry to bring into view. */
interface GlossaryUi {
  open: boolean;
  focus: string | null;
  /** Bumped on every request, so asking for the same entry twice scrolls again. */
  n: number;
}
let glossaryUi: GlossaryUi = { open: false, focus: null, n: 0 };
const listeners = new Set<() => void>();
function setGlossaryUi(patch: Partial<GlossaryUi>) {
  glossaryUi = { ...glossaryUi, ...patch, n: glossaryUi.n + 1 };
  for (const l of listeners) l();
}

export const glossaryState = {
  get: () => glossaryUi,
  subscribe(fn: () => void) {
    listeners.add(fn);
    return () => {
      listeners.delete(fn);
    };
  },
  toggle: () => setGlossaryUi({ open: !glossaryUi.open, focus: null }),
  /** Opens the glossary (on the lesson page) at this entry. */
  show(id: string) {
    setGlossaryUi({ open: true, focus: id });
    try {
      const store = appStore();
      if (store.getState().ui.page !== 'lesson') goToPage(store, 'lesson');
    } catch {
      // no page (tests)
    }
  },
};

export function useGlossaryUi(): GlossaryUi {
  return useSyncExternalStore(glossaryState.subscribe, glossaryState.get, glossaryState.get);
}

/** A term's shown words (its own text, with maths, or the term's name). */
export function TermText({ segment, symbols }: { segment: ProseSegment; symbols?: TexSymbol[] }) {
  const lang = useLangSafe();
  return segment.s ? <RichText text={segment.s} symbols={symbols} plainTerms /> : <span>{termText(segment, lang)}</span>;
}

export function GlossaryTerm({ segment, symbols }: { segment: ProseSegment; symbols?: TexSymbol[] }) {
  const lang = useLangSafe();
  const [open, setOpen] = useState(false);
  const popId = useId();
  const wrap = useRef<HTMLSpanElement>(null);
  const btn = useRef<HTMLButtonElement>(null);
  const pop = useRef<HTMLSpanElement>(null);
  const id = segment.term ?? '';
  useEffect(() => {
    if (!open) return;
    pop.current?.focus();
    const outside = (e: MouseEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);
  if (!isTerm(id)) return <TermText segment={segment} symbols={symbols} />;
  const keys = termKeys(id);
  const name = translate(lang, keys.name as MessageKey);
  const close = () => {
    setOpen(false);
    btn.current?.focus();
  };
  return (
    <span className="term-wrap" ref={wrap} onKeyDown={(e) => {
      if (e.key === 'Escape' && open) {
        e.stopPropagation();
        close();
      }
    }}>
      <button type="button" ref={btn} className="term" data-term={id} data-testid={`term-${id}`} aria-expanded={open}
        aria-controls={open ? popId : undefined} aria-haspopup="dialog" onClick={() => setOpen(!open)}>
        <TermText segment={segment} symbols={symbols} />
      </button>
      {open && (
        <span className="term-pop" role="dialog" aria-label={name} id={popId} tabIndex={-1} ref={pop} data-testid="term-pop" data-term={id}>
          <strong className="term-pop-name">{name}</strong>
          <span className="term-pop-def"><RichText text={translate(lang, keys.def as MessageKey)} plainTerms /></span>
          <span className="term-pop-actions">
            <button type="button" className="link-button" data-testid="term-pop-glossary" onClick={() => {
              setOpen(false);
              glossaryState.show(id);
            }}>{translate(lang, 'glossary.seeAll')} →</button>
            <button type="button" className="link-button" data-testid="term-pop-close" onClick={close}>{translate(lang, 'glossary.close')}</button>
          </span>
        </span>
      )}
    </span>
  );
}
