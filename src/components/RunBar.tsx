// Play/Pause, Step, Reset, and the run's summary numbers (React reads summaries, not streams).
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../store';
import { controls } from '../store/controls';
import { useT } from './hooks';

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
    })),
  );
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
        <div>
          <dt>{t('train.loss')}</dt>
          <dd data-testid="loss-value">{fmtLoss(run.loss)}</dd>
        </div>
        <div>
          <dt>{t('train.accuracy')}</dt>
          <dd data-testid="accuracy-value">{run.acc === null || !Number.isFinite(run.acc) ? '—' : `${(run.acc * 100).toFixed(1)}%`}</dd>
        </div>
        <div className={`status status-${run.status}`} title={run.message ?? undefined}>
          <dt className="sr-only">{t('run.status')}</dt>
          <dd data-testid="run-status">
            <span className="status-dot" aria-hidden="true" />
            {t(`status.${run.status === 'loading' ? 'loading' : run.status}` as const)}
            {run.status === 'running' && run.sps > 0 && <small> · {t('train.speed', { n: run.sps.toFixed(1) })}</small>}
          </dd>
        </div>
      </dl>
      {run.status === 'error' && run.message && <p className="run-error">{run.message}</p>}
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
