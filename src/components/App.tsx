// The shell: header, link/backend notices, and the current page.
import { useEffect } from 'react';
import { useApp } from '../store';
import { BackendNotice, Header, UrlNotices } from './Header';
import { Playground } from './Playground';
import { LessonPage } from './Lesson';
import { CellsPage } from './CellsPage';
import { CellCardPage } from './CellCard';
import { ComparePage } from './ComparePage';
import { WhatIfPage } from './WhatIfPage';
import { GalleryPage } from './GalleryPage';
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

function CurrentPage({ page }: { page: Page }) {
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
