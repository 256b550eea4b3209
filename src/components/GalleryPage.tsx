// The demo gallery (page=gallery): named demos, then one per lesson, each a card whose button is
// nothing but the demo's link (src/demos/gallery.ts). Opening one loads the page from that link.
import { useApp } from '../store';
import { LESSON_DEMOS, NAMED_DEMOS, type Demo } from '../demos/gallery';
import { getLesson } from '../lessons/registry';
import type { MessageKey } from '../i18n';
import { RichText } from './RichText';
import { useT } from './hooks';

function DemoCard({ demo }: { demo: Demo }) {
  const t = useT();
  const lang = useApp((s) => s.ui.lang);
  let title: string;
  let desc: string;
  if (demo.lesson) {
    const lesson = getLesson(demo.lesson.id);
    const step = lesson.steps[demo.lesson.step];
    title = t(lesson.titleKey as MessageKey);
    desc = `${t(lesson.summaryKey as MessageKey)} (${t('gallery.lessonStep', { n: demo.lesson.step + 1, step: t(`${step.textKey}.title` as MessageKey) })})`;
  } else {
    title = t(`gallery.demo.${demo.id}.title` as MessageKey);
    desc = t(`gallery.demo.${demo.id}.desc` as MessageKey);
  }
  const href = `?${demo.query}&lang=${lang}`;
  return (
    <li className="card gallery-card" data-testid={`gallery-card-${demo.id}`}>
      <h3 className="gallery-card-title"><RichText text={title} plainTerms /></h3>
      <p className="gallery-card-desc"><RichText text={desc} /></p>
      <a className="btn gallery-open" href={href} data-testid={`gallery-open-${demo.id}`}>{t('gallery.open')} →</a>
    </li>
  );
}

export function GalleryPage() {
  const t = useT();
  return (
    <div className="gallery-page" data-testid="gallery-page">
      <h1 className="page-title">{t('gallery.title')}</h1>
      <p className="page-intro">{t('gallery.intro')}</p>
      <h2 className="gallery-section">{t('gallery.named')}</h2>
      <ul className="gallery-grid">{NAMED_DEMOS.map((d) => <DemoCard key={d.id} demo={d} />)}</ul>
      <h2 className="gallery-section">{t('gallery.lessons')}</h2>
      <ul className="gallery-grid">{LESSON_DEMOS.map((d) => <DemoCard key={d.id} demo={d} />)}</ul>
    </div>
  );
}
