// The two telemetry charts, mounted as D3 views and fed by store subscriptions.
import { createGradNormChart } from '../views/gradnorm-chart';
import { createLossChart } from '../views/loss-chart';
import type { Baseline } from '../views/baseline-line';
import type { AppState } from '../store';
import { taskBaseline } from '../store/catalog';
import { useStoreView, useT } from './hooks';

/** The chosen task's baseline loss for the dashed line, labelled by what it predicts. */
export function baselineOf(s: AppState, t: ReturnType<typeof useT>): Baseline | null {
  const meta = s.catalog?.tasks.find((task) => task.id === s.config.taskId);
  const value = taskBaseline(meta, s.config.taskOptions, s.config.seqLen);
  if (value === null) return null;
  if (meta?.id === 'chars') return { value, label: t('samples.baseline') };
  // The 'again' task's best input-blind guess is not uniform: it is the chance p_t that a symbol recurs, by position.
  if (meta?.id === 'again') return { value, label: t('chart.baseline.position') };
  return { value, label: t(meta?.kind === 'classify' ? 'chart.baseline.classify' : 'chart.baseline.regress') };
}

export function GradNormPanel({ height }: { height?: number }) {
  const t = useT();
  const waiting = t('chart.waiting');
  const ref = useStoreView(
    (el) => createGradNormChart(el, { emptyText: waiting, height }),
    (s, view) => view.update({ norms: s.telemetry.latest?.gradNorms ?? [], emptyText: waiting }),
    (s, prev) => s.telemetry.latest !== prev.telemetry.latest,
    [waiting, height],
  );
  return <div ref={ref} className="chart-host" />;
}

export function LossPanel({ height }: { height?: number }) {
  const t = useT();
  const empty = t('chart.pressPlay');
  const labels = { loss: t('chart.loss'), accuracy: t('chart.accuracy') };
  const ref = useStoreView(
    (el) => createLossChart(el, { emptyText: empty, height }),
    (s, view) => view.update({ points: s.telemetry.history, labels, baseline: baselineOf(s, t) }),
    (s, prev) => s.telemetry.history !== prev.telemetry.history || s.config !== prev.config || s.catalog !== prev.catalog,
    [empty, height, labels.loss],
  );
  return <div ref={ref} className="chart-host" />;
}
