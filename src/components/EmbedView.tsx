// An embed link (`embed=1`, issue 12 item 5): the page without the header, the side panel and the
// footer, still trainable (the run bar stays). With `widget=<id>` only that widget and the run
// bar. The frame is sized to its content: the page posts its height to the parent on every
// resize ({type: 'rnn-atlas:height', height}); the snippet of the Embed button listens for it.
import { useEffect, useRef } from 'react';
import { useApp } from '../store';
import type { EmbedWidget } from '../store/url';
import { useCellMeta, useT } from './hooks';
import { LessonWidgets, needsInstruments, useInstrumentsWanted } from './LessonWidgets';
import { DivergedBanner, RunBar } from './RunBar';
import { EMBED_MESSAGE, currentLink } from './ShareButtons';

function postHeight(el: HTMLElement) {
  if (window.parent === window) return;
  const height = Math.ceil(Math.max(el.scrollHeight, el.getBoundingClientRect().height));
  window.parent.postMessage({ type: EMBED_MESSAGE, height }, '*');
}

function OneWidget({ widget }: { widget: EmbedWidget }) {
  const cellId = useApp((s) => s.config.cellId);
  const cell = useCellMeta(cellId);
  useInstrumentsWanted(needsInstruments([widget]));
  return (
    <div className="embed-widget-view" data-testid="embed-widget-view">
      <RunBar compact />
      <DivergedBanner />
      <LessonWidgets widgets={[widget]} cell={cell ?? null} highlight={[]} />
    </div>
  );
}

export function EmbedShell({ children }: { children: React.ReactNode }) {
  const t = useT();
  const widget = useApp((s) => s.ui.widget);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    postHeight(el);
    const ro = new ResizeObserver(() => postHeight(el));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return (
    <div className="app app-embed" ref={ref} data-testid="embed-root">
      <main className="app-main">
        {widget ? <OneWidget widget={widget} /> : children}
      </main>
      <a className="embed-open" href={currentLink()} target="_blank" rel="noopener" data-testid="embed-open"
        onClick={(e) => { e.currentTarget.href = currentLink(); }}>{t('embed.open')}</a>
    </div>
  );
}
