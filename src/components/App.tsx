// The shell: header, link/backend notices, and the current page.
import { useEffect } from 'react';
import { useApp } from '../store';
import { BackendNotice, Header, UrlNotices } from './Header';
import { Playground } from './Playground';
import { LessonPage, useLessonPreset } from './Lesson';
import { useT } from './hooks';

export function App() {
  const t = useT();
  const page = useApp((s) => s.ui.page);
  const lang = useApp((s) => s.ui.lang);
  useLessonPreset();
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t('app.name')} — ${page === 'lesson' ? t('lesson.title') : t('nav.playground')}`;
  }, [lang, page, t]);
  return (
    <div className="app">
      <Header />
      <main className="app-main">
        <UrlNotices />
        <BackendNotice />
        {page === 'lesson' ? <LessonPage /> : <Playground />}
      </main>
      <footer className="app-footer">{t('footer.note')}</footer>
    </div>
  );
}
