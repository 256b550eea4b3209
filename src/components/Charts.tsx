// The two telemetry charts, mounted as D3 views and fed by store subscriptions.
import { createGradNormChart } from '../views/gradnorm-chart';
import { createLossChart } from '../views/loss-chart';
import { useStoreView, useT } from './hooks';

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
    (s, view) => view.update({ points: s.telemetry.history, labels }),
    (s, prev) => s.telemetry.history !== prev.telemetry.history,
    [empty, height, labels.loss],
  );
  return <div ref={ref} className="chart-host" />;
}
