// One cell's card: who proposed it and why, its equations (live means), the dataflow generated
// from them, its parameters at the current sizes, and the Playground's training views, starting
// from the cell's preset so it visibly learns within a minute.
import { useEffect } from 'react';
import { appStore, useApp } from '../store';
import type { CellMeta } from '../store/catalog';
import { navigate, resetToPreset } from '../store/navigation';
import { cardConfig } from '../store/page-config';
import { cellText, hasKey, type MessageKey } from '../i18n';
import { ControlPanel } from './ControlPanel';
import { EquationPanel } from './EquationPanel';
import { HeatmapPanel } from './HeatmapPanel';
import { GradNormPanel, LossPanel } from './Charts';
import { DivergedBanner, RunBar } from './RunBar';
import { Card } from './Playground';
import { InstrumentsSection } from './Instruments';
import { MechanismBadges } from './CellsPage';
import { CellDiagram, DiagnosticsPanel, ParamTable } from './CellParts';
import { useCellMeta, useGateText, useT } from './hooks';
import { RichText, texSymbols } from './RichText';

/** The card's cell against the plain RNN and the LSTM (or whichever of them it is not). */
function compareWith(id: string): string[] {
  return [id, ...['rnn', 'lstm', 'gru'].filter((x) => x !== id)].slice(0, 3);
}

function PaperLine({ cell }: { cell: CellMeta }) {
  const p = cell.paper;
  const link = p.arxiv ? `https://arxiv.org/abs/${p.arxiv}` : p.url;
  return (
    <p className="paper-line" data-testid="card-paper">
      <span className="paper-authors">{p.authors}</span> ({p.year}).{' '}
      {link ? <a href={link} target="_blank" rel="noreferrer">{p.title}</a> : <em>{p.title}</em>}
      {p.venue ? <span className="paper-venue">. {p.venue}</span> : null}
      {p.arxiv ? <span className="paper-arxiv"> · arXiv:<a href={`https://arxiv.org/abs/${p.arxiv}`} target="_blank" rel="noreferrer">{p.arxiv}</a></span> : null}
    </p>
  );
}

function PresetLine({ cell }: { cell: CellMeta }) {
  const t = useT();
  const catalog = useApp((s) => s.catalog);
  if (!catalog) return null;
  // What the card announces is what it runs: read it from the same function that builds the run.
  const preset = cardConfig(catalog, cell.id);
  const taskKey = `task.${preset.taskId}`;
  return (
    <div className="preset-line">
      <p className="control-help">
        {t('card.preset', {
          task: hasKey(taskKey) ? t(taskKey as MessageKey) : preset.taskId,
          T: preset.seqLen,
          H: preset.hiddenSize,
          L: preset.numLayers,
          lr: preset.learningRate,
          seed: preset.seed,
        })}
      </p>
      <button type="button" className="btn btn-ghost small" data-testid="apply-preset" onClick={() => resetToPreset(appStore(), cell.id)}>
        ↺ {t('card.applyPreset')}
      </button>
    </div>
  );
}

export function CellCardPage() {
  const t = useT();
  const cellId = useApp((s) => s.config.cellId);
  const lang = useApp((s) => s.ui.lang);
  const catalog = useApp((s) => s.catalog);
  const cell = useCellMeta(cellId);
  const textColor = useGateText();
  useEffect(() => {
    document.querySelector('.app-main')?.scrollTo?.({ top: 0 });
  }, [cellId]);
  if (!catalog) return <div className="skeleton" style={{ height: 400 }} />;
  if (!cell) return <p className="card">{t('card.notFound', { id: cellId })}</p>;
  const text = cellText(lang, cell);
  const symbols = texSymbols(cell, textColor);

  return (
    <div className="cell-card" data-testid="cell-card" data-cell={cell.id}>
      <section className="card card-intro">
        <nav className="card-nav">
          <button type="button" className="link-button back-link" data-testid="card-back"
            onClick={() => navigate(appStore(), { page: 'cells' })}>
            ← {t('card.back')}
          </button>
          <span className="card-nav-right">
            <button type="button" className="link-button" data-testid="card-compare"
              onClick={() => navigate(appStore(), { page: 'compare', compare: compareWith(cell.id) })}>
              {t('card.compare')} →
            </button>
            <button type="button" className="link-button" data-testid="card-playground"
              onClick={() => navigate(appStore(), { page: 'playground' })}>
              {t('card.openPlayground')} →
            </button>
          </span>
        </nav>
        <div className="intro-head">
          <h1 className="page-title" data-testid="card-title">{text.name}</h1>
          <MechanismBadges mechanisms={cell.mechanisms} />
        </div>
        <PaperLine cell={cell} />
        <div className="intro-body">
          <div>
            <h2 className="card-subtitle flush">{t('card.summary')}</h2>
            <p className="intro-summary" data-testid="card-summary"><RichText text={text.summary} symbols={symbols} /></p>
          </div>
          {text.notes && (
            <div>
              <h2 className="card-subtitle flush">{t('card.notes')}</h2>
              <p className="intro-notes" data-testid="card-notes"><RichText text={text.notes} symbols={symbols} /></p>
            </div>
          )}
        </div>
      </section>

      <div className="playground">
        <aside className="sidebar">
          <ControlPanel showCell={false} title={t('card.train')}>
            <PresetLine cell={cell} />
          </ControlPanel>
        </aside>
        <div className="main-col">
          <RunBar />
          <DivergedBanner />
          <div className="grid-2">
            <Card title={t('panel.equations')} hint={t('panel.equations.hint')} className="equations-card">
              <EquationPanel cell={cell} />
            </Card>
            <Card title={t('card.diagram')} hint={t('card.diagram.hint')} exportAs="diagram">
              <CellDiagram cell={cell} />
            </Card>
          </div>
          <div className="grid-2">
            <Card title={t('panel.loss')} hint={t('panel.loss.hint')} exportAs="loss">
              <LossPanel height={190} />
            </Card>
            <Card title={t('panel.gradnorm')} hint={t('panel.gradnorm.hint')} exportAs="gradnorm">
              <GradNormPanel height={190} />
            </Card>
          </div>
          {cell.hasDiagnostics && (
            <Card title={t('card.diagnostics')} hint={t('card.diagnostics.hint')} exportAs="diagnostics">
              <DiagnosticsPanel />
            </Card>
          )}
          <Card title={t('panel.heatmaps')} hint={t('panel.heatmaps.hint')} exportAs="heatmaps">
            <HeatmapPanel cell={cell} />
          </Card>
          <InstrumentsSection />
          <Card title={t('card.params')}>
            <ParamTable cell={cell} />
          </Card>
        </div>
      </div>
    </div>
  );
}
