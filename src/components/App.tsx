// The shell: header, link/backend notices, and the current page.
import { lazy, Suspense, useEffect } from 'react';
import { useApp } from '../store';
import { BackendNotice, Header, UrlNotices } from './Header';
import { Playground } from './Playground';
import { LessonPage } from './Lesson';
import { EmbedShell } from './EmbedView';
import type { Page } from '../store/url';
import type { MessageKey } from '../i18n';
import { useT } from './hooks';
import { OfflineStatus } from '../pwa/OfflineStatus';
import { PresentationLayer } from './Presentation';
import { usePresentation } from '../store/presentation';

const TITLE_KEY: Record<Page, MessageKey> = {
  playground: 'nav.playground', lesson: 'lesson.title', cells: 'nav.cells', cell: 'nav.cells', compare: 'nav.compare', whatif: 'nav.whatif', gallery: 'nav.gallery',
};

// The lesson and the playground (the pages a link most often opens) are in the entry chunk; the
// other pages load on first visit, so the first paint of a lesson does not parse them (the what-if
// page alone brings ml-matrix). bench/loading.ts measures the entry.
const CellsPage = lazy(() => import('./CellsPage').then((m) => ({ default: m.CellsPage })));
const CellCardPage = lazy(() => import('./CellCard').then((m) => ({ default: m.CellCardPage })));
const ComparePage = lazy(() => import('./ComparePage').then((m) => ({ default: m.ComparePage })));
const WhatIfPage = lazy(() => import('./WhatIfPage').then((m) => ({ default: m.WhatIfPage })));
const GalleryPage = lazy(() => import('./GalleryPage').then((m) => ({ default: m.GalleryPage })));

function PageSwitch({ page }: { page: Page }) {
  switch (page) {
    case 'lesson': return <LessonPage />;
    case 'cells': return <CellsPage />;
    case 'cell': return <CellCardPage />;
    case 'compare': return <ComparePage />;
    case 'whatif': return <WhatIfPage />;
    case 'gallery': return <GalleryPage />;
    default: return <Playground />;
  }
}

function CurrentPage({ page }: { page: Page }) {
  return <Suspense fallback={<div className="skeleton" style={{ height: 240 }} />}><PageSwitch page={page} /></Suspense>;
}

export function App() {
  const t = useT();
  const page = useApp((s) => s.ui.page);
  const lang = useApp((s) => s.ui.lang);
  const embed = useApp((s) => s.ui.embed);
  const presenting = usePresentation((s) => s.presenting);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t('app.name')} — ${t(TITLE_KEY[page])}`;
  }, [lang, page, t]);
  // An embed link: no header, side panel or footer (issue 12, item 5).
  if (embed) return <EmbedShell><UrlNotices /><CurrentPage page={page} /></EmbedShell>;
  return (
    <div className={`app${presenting ? ' presenting' : ''}`} data-page={page}>
      <Header />
      <main className="app-main">
        <UrlNotices />
        <BackendNotice />
        <OfflineStatus />
        <CurrentPage page={page} />
      </main>
      <footer className="app-footer">{t('footer.note')}</footer>
      <PresentationLayer />
    </div>
  );
}
