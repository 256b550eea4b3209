// The playground page: controls on the left, the cell's maths and live views on the right.
import { useApp } from '../store';
import { ControlPanel } from './ControlPanel';
import { EquationPanel } from './EquationPanel';
import { HeatmapPanel } from './HeatmapPanel';
import { GradNormPanel, LossPanel } from './Charts';
import { DivergedBanner, RunBar } from './RunBar';
import { useCellMeta, useT } from './hooks';
import { cellText } from '../i18n';
import { RichText } from './RichText';
import { InstrumentsSection } from './Instruments';
import { ChartExport } from './ExportMenu';
import { useRef } from 'react';
import { SamplesPanel } from './SamplesPanel';

/** `exportAs` names the chart the card holds (file names, test ids): the card gets an SVG / PNG 2× export menu. */
export function Card({ title, hint, children, className, exportAs }: { title: string; hint?: string; children: React.ReactNode; className?: string; exportAs?: string }) {
  const ref = useRef<HTMLElement>(null);
  return (
    <section className={`card ${className ?? ''}`} ref={ref}>
      <header className="card-head">
        <h2 className="card-title"><RichText text={title} /></h2>
        {exportAs && <ChartExport chart={exportAs} title={title} target={ref} />}
        {hint && <p className="card-hint"><RichText text={hint} /></p>}
      </header>
      {children}
    </section>
  );
}

export function Playground() {
  const t = useT();
  const cellId = useApp((s) => s.config.cellId);
  const lang = useApp((s) => s.ui.lang);
  const cell = useCellMeta(cellId);
  // A character model writes text: the Playground shows its samples as the lesson does.
  const textTask = useApp((s) => s.config.taskId === 'chars');
  return (
    <div className="playground">
      <h1 className="sr-only">{t('nav.playground')}{cell ? ` · ${cellText(lang, cell).name}` : ''}</h1>
      <aside className="sidebar">
        <ControlPanel />
      </aside>
      <div className="main-col">
        <RunBar />
        <DivergedBanner />
        <div className="grid-2">
          <Card title={`${t('panel.equations')}${cell ? ` · ${cellText(lang, cell).name}` : ''}`} hint={t('panel.equations.hint')} className="equations-card">
            {cell ? <EquationPanel cell={cell} /> : <div className="skeleton" style={{ height: 180 }} />}
            {cell && (
              <div className="cell-about">
                <p><RichText text={cellText(lang, cell).summary} /></p>
                <p className="cite">
                  {cell.paper.authors} ({cell.paper.year}).{' '}
                  {cell.paper.url ? <a href={cell.paper.url} target="_blank" rel="noreferrer">{cell.paper.title}</a> : cell.paper.title}
                  {cell.paper.venue ? `. ${cell.paper.venue}.` : '.'}
                </p>
              </div>
            )}
          </Card>
          <div className="chart-stack">
            <Card title={t('panel.loss')} hint={t('panel.loss.hint')} exportAs="loss">
              <LossPanel height={200} />
            </Card>
            <Card title={t('panel.gradnorm')} hint={t('panel.gradnorm.hint')} exportAs="gradnorm">
              <GradNormPanel height={180} />
            </Card>
          </div>
        </div>
        {textTask && (
          <Card title={t('samples.title')} hint={t('samples.hint')}>
            <SamplesPanel />
          </Card>
        )}
        <Card title={t('panel.heatmaps')} hint={t('panel.heatmaps.hint')} exportAs="heatmaps">
          {cell ? <HeatmapPanel cell={cell} /> : <div className="skeleton" style={{ height: 320 }} />}
        </Card>
        <InstrumentsSection />
      </div>
    </div>
  );
}
