// Play/Pause, Step, Reset, and the run's summary numbers (React reads summaries, not streams).
import { useShallow } from 'zustand/react/shallow';
import { appStore, useApp } from '../store';
import { controls } from '../store/controls';
import { cellText } from '../i18n';
import { budgetVars, useLowerText, usePageWorkload } from './BudgetNote';
import { useT } from './hooks';
import { plainProse } from '../i18n/prose';
import { TelemetryExport } from './ExportMenu';
import { useDeviceSettings } from '../store/device-settings';

function fmtLoss(v: number | null): string {
  if (v === null) return '—';
  if (!Number.isFinite(v)) return 'NaN';
  return v < 0.001 || v >= 1e4 ? v.toExponential(2) : v.toFixed(4);
}

export function RunBar({ compact = false }: { compact?: boolean }) {
  const t = useT();
  const run = useApp(
    useShallow((s) => ({
      status: s.run.status,
      step: s.run.step,
      loss: s.run.lastLoss,
      acc: s.run.lastAccuracy,
      sps: s.run.stepsPerSecond,
      want: s.run.wantPlaying,
      message: s.run.message,
      params: s.run.paramCount,
    })),
  );
  const readouts = useReadouts();
  // A character model's loss also reads in bits per character (loss / ln 2).
  const bitsPerChar = useApp((s) => s.config.taskId === 'chars');
  const workload = usePageWorkload();
  const lowerText = useLowerText();
  // The worker refused a run above the budget: say so in the page's language, with what to lower.
  const refused = run.status === 'error' && workload?.level === 'refuse' && /^Too big to train/.test(run.message ?? '');
  const errorText = refused && workload ? `${t('budget.refuse', budgetVars())} ${lowerText(workload)}` : run.message;
  const playing = run.want && run.status !== 'diverged' && run.status !== 'error';
  return (
    <div className={`card run-bar${compact ? ' compact' : ''}`}>
      <div className="run-buttons">
        <button type="button" className={`btn btn-play${playing ? ' playing' : ''}`} data-testid="play-toggle"
          aria-label={playing ? t('train.pause') : t('train.play')} onClick={() => controls().toggle()}>
          <span className="btn-icon" aria-hidden="true">{playing ? '❚❚' : '▶'}</span>
          <span>{playing ? t('train.pause') : t('train.play')}</span>
        </button>
        <button type="button" className="btn" data-testid="step-button" onClick={() => controls().step(1)}>
          {t('train.step')}
        </button>
        <button type="button" className="btn" data-testid="reset-button" onClick={() => controls().reset()}>
          {t('train.reset')}
        </button>
      </div>
      <dl className="run-stats">
        <div>
          <dt>{t('train.step.label')}</dt>
          <dd data-testid="step-counter">{run.step}</dd>
        </div>
        <div title={readouts.bestHelp}>
          <dt>{readouts.lossLabel}</dt>
          <dd data-testid="loss-value">{fmtLoss(readouts.loss ?? run.loss)}</dd>
        </div>
        {bitsPerChar && (
          <div title={plainProse(t('samples.bpc.help'))}>
            <dt>{t('samples.bpc')}</dt>
            <dd data-testid="bpc-value">{fmtBits(readouts.loss ?? run.loss)}</dd>
          </div>
        )}
        <div title={readouts.accHelp}>
          <dt data-testid="accuracy-label">{readouts.accLabel}</dt>
          <dd data-testid="accuracy-value">{fmtAcc(readouts.loss === undefined ? run.acc : readouts.acc)}</dd>
        </div>
        {/* A lesson has no control panel: its run bar says how many parameters the model trains. */}
        {compact && run.params !== null && (
          <div>
            <dt>{t('controls.params')}</dt>
            <dd data-testid="run-param-count">{run.params.toLocaleString('en-US')}</dd>
          </div>
        )}
        <div className={`status status-${run.status}`} title={run.message ?? undefined}>
          <dt className="sr-only">{t('run.status')}</dt>
          <dd data-testid="run-status">
            <span className="status-dot" aria-hidden="true" />
            {t(`status.${run.status === 'loading' ? 'loading' : run.status}` as const)}
            {run.status === 'running' && run.sps > 0 && <small title={t('train.speed.help')} data-testid="steps-per-second"> · {t('train.speed', { n: run.sps.toFixed(1) })}</small>}
          </dd>
        </div>
      </dl>
      <TelemetryExport />
      <BackgroundSetting />
      {run.status === 'error' && errorText && <p className="run-error" data-testid="run-error">{errorText}</p>}
      <WorkerNotice />
    </div>
  );
}

const fmtBits = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : (v / Math.LN2).toFixed(3));

const fmtAcc = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : `${(v * 100).toFixed(1)}%`);

/**
 * Labels and, on the Compare page, values of the loss and accuracy readouts. A regression task
 * names its tolerance ("Within ±0.04"): its accuracy counts answers that close to the target.
 * Compare shows the best cell's numbers (each cell's own are in its table); `loss` is undefined
 * elsewhere, where the run's own numbers are shown.
 */
function useReadouts() {
  const t = useT();
  const lang = useApp((s) => s.ui.lang);
  const r = useApp(useShallow((s) => {
    const task = s.catalog?.tasks.find((x) => x.id === s.config.taskId);
    const compare = s.ui.page === 'compare';
    const slots = compare ? s.compareRun.slots : [];
    const withLoss = slots.filter((sl) => sl.lastLoss !== null && Number.isFinite(sl.lastLoss));
    const best = withLoss.length ? withLoss.reduce((a, b) => (b.lastLoss! < a.lastLoss! ? b : a)) : null;
    const accs = slots.map((sl) => sl.lastAccuracy).filter((v): v is number => v !== null && Number.isFinite(v));
    return {
      regress: task?.kind === 'regress',
      tol: task?.tolerance,
      compare,
      bestLoss: best?.lastLoss ?? null,
      bestCell: best?.cellId ?? null,
      bestAcc: accs.length ? Math.max(...accs) : null,
      catalog: s.catalog,
    };
  }));
  const tol = r.tol !== undefined ? String(r.tol) : null;
  const within = r.regress && tol !== null;
  const cell = r.bestCell ? r.catalog?.cells.find((c) => c.id === r.bestCell) : undefined;
  const accHelp = within ? t('train.accuracy.help.regress', { tol: tol! }) : t('train.accuracy.help.classify');
  if (!r.compare) {
    return {
      lossLabel: t('train.loss'),
      accLabel: within ? t('train.accuracy.within', { tol: tol! }) : t('train.accuracy'),
      accHelp,
      bestHelp: undefined,
      loss: undefined,
      acc: undefined,
    };
  }
  const bestHelp = t('train.best.help', { name: cell ? cellText(lang, cell).name : r.bestCell ?? '—' });
  return {
    lossLabel: t('train.best.loss'),
    accLabel: within ? t('train.best.within', { tol: tol! }) : t('train.best.accuracy'),
    accHelp: `${accHelp} ${bestHelp}`,
    bestHelp,
    loss: r.bestLoss,
    acc: r.bestAcc,
  };
}

/** Whether a hidden tab keeps training (bridge.ts pauses it otherwise); remembered in this browser, not in the link. */
function BackgroundSetting() {
  const t = useT();
  const keep = useDeviceSettings((s) => s.keepTrainingHidden);
  return (
    <div className="run-background" style={{ flexBasis: '100%', fontSize: 13 }}>
      <label>
        <input type="checkbox" data-testid="keep-training-hidden" checked={keep}
          onChange={(e) => useDeviceSettings.getState().setKeepTrainingHidden(e.target.checked)} />{' '}
        {t('train.background')}
      </label>
      {!keep && <small data-testid="background-pause-note" style={{ color: 'var(--muted)' }}> {t('train.background.off')}</small>}
    </div>
  );
}

/** The training worker died and was restarted (bridge.ts): say so until dismissed. */
export function WorkerNotice() {
  const t = useT();
  const notice = useApp((s) => s.run.workerNotice);
  if (!notice) return null;
  return (
    <div className="banner banner-warn worker-notice" role="alert" data-testid="worker-notice">
      <p>{t(notice.gaveUp ? 'worker.gaveUp' : 'worker.restarted', { why: notice.why })}</p>
      <button type="button" className="btn btn-ghost" data-testid="worker-notice-dismiss"
        onClick={() => appStore().getState().setRun({ workerNotice: null })}>
        {t('worker.dismiss')}
      </button>
    </div>
  );
}

export function DivergedBanner() {
  const t = useT();
  const status = useApp((s) => s.run.status);
  if (status !== 'diverged') return null;
  return (
    <div className="banner banner-danger" role="alert" data-testid="diverged-banner">
      <div>
        <strong>{t('diverged.title')}</strong>
        <p>{t('diverged.body')}</p>
      </div>
      <button type="button" className="btn btn-danger" data-testid="diverged-reset" onClick={() => controls().reset()}>
        {t('diverged.reset')}
      </button>
    </div>
  );
}
