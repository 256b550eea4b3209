// Text sampled from the character model as it learns (task 'chars'): the latest sample with the
// step it was drawn at, a temperature slider (0.2–2; a new temperature re-samples at once, also
// while paused), the earlier samples, and the hidden units that track the text's structure — a
// fixed passage coloured by the activation of the unit most correlated with the chosen feature.
// While mounted it tells the store what it wants (store.samples.want); the bridge asks the worker,
// which samples off the main thread every `every` training steps (src/engine/session.ts).
import { useEffect, useMemo, useState } from 'react';
import { appStore, useApp } from '../store';
import type { SampleReport } from '../protocol/messages';
import { SAMPLE_EVERY, samplesWantFor, TEMPERATURE_MAX, TEMPERATURE_MIN } from '../store/slices';
import type { MessageKey } from '../i18n';
import { Slider } from './Slider';
import { RichText } from './RichText';
import { useT } from './hooks';


const textStyle: React.CSSProperties = {
  whiteSpace: 'pre-wrap', fontFamily: 'var(--mono, ui-monospace, monospace)', fontSize: 13, lineHeight: 1.45,
  margin: '6px 0', padding: '8px 10px', borderRadius: 6, background: 'var(--surface-2, rgba(127,127,127,0.08))', minHeight: 48,
};

/** Blue (low) → white → orange (high), symmetric around 0 with the trace's largest |value|. */
function activationColor(v: number, scale: number): string {
  const a = Math.max(-1, Math.min(1, scale > 0 ? v / scale : 0));
  const mix = (c: number) => Math.round(255 + (c - 255) * Math.abs(a));
  return a >= 0 ? `rgb(${mix(245)}, ${mix(140)}, ${mix(40)})` : `rgb(${mix(50)}, ${mix(120)}, ${mix(220)})`;
}

function SampleText({ r, testId }: { r: SampleReport; testId?: string }) {
  return (
    <pre style={textStyle} data-testid={testId} data-step={r.step} data-temperature={r.temperature}>
      <span style={{ opacity: 0.5 }}>{r.prompt}</span>
      {r.text}
    </pre>
  );
}

function UnitsView({ report }: { report: NonNullable<SampleReport['units']> }) {
  const t = useT();
  const [chosen, setChosen] = useState(0);
  const unit = report.units[Math.min(chosen, report.units.length - 1)];
  const chars = useMemo(() => Array.from(report.probeText), [report.probeText]);
  if (!unit) return null;
  const scale = unit.trace.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  return (
    <div data-testid="samples-units">
      <p className="eyebrow" style={{ marginTop: 10 }}>{t('samples.units')}</p>
      <p className="card-hint"><RichText text={t('samples.units.hint')} /></p>
      <div role="group" style={{ display: 'flex', flexWrap: 'wrap', gap: 6, margin: '6px 0' }}>
        {report.units.map((u, i) => (
          <button key={u.feature} type="button" className={`btn${i === chosen ? ' btn-primary' : ''}`} data-testid={`samples-feature-${u.feature}`}
            aria-pressed={i === chosen} onClick={() => setChosen(i)}>
            {t(`samples.feature.${u.feature}` as MessageKey)}
          </button>
        ))}
      </div>
      <p className="card-hint" data-testid="samples-unit" data-unit={unit.unit} data-r={unit.r.toFixed(3)}>
        {t('samples.unit', { unit: unit.unit, r: unit.r.toFixed(2) })}
      </p>
      <pre style={textStyle} data-testid="samples-unit-text" data-feature={unit.feature}>
        {chars.map((c, i) => (
          <span key={i} style={{ background: activationColor(unit.trace[i] ?? 0, scale) }}>{c === '\n' ? '↵\n' : c}</span>
        ))}
      </pre>
    </div>
  );
}

export function SamplesPanel() {
  const t = useT();
  const isChars = useApp((s) => s.config.taskId === 'chars');
  const corpus = useApp((s) => String(s.config.taskOptions?.corpus ?? 'en'));
  const bidirectional = useApp((s) => s.config.bidirectional);
  const latest = useApp((s) => s.samples.latest);
  const history = useApp((s) => s.samples.history);
  const [temperature, setTemperature] = useState(1);

  // The wish lives while the panel is shown (and only for a character model).
  useEffect(() => {
    const s = appStore().getState();
    s.setSamplesWant(isChars && !bidirectional ? samplesWantFor(corpus, temperature) : null);
  }, [isChars, bidirectional, corpus, temperature]);
  useEffect(() => () => appStore().getState().setSamplesWant(null), []);

  if (!isChars) return <p className="card-hint" data-testid="samples-panel" data-state="not-chars">{t('samples.notChars')}</p>;
  if (bidirectional) return <p className="card-hint" data-testid="samples-panel" data-state="bidirectional">{t('samples.noBidirectional')}</p>;
  const earlier = history.filter((h) => h !== latest).slice(-3).reverse();
  return (
    <div data-testid="samples-panel" data-state={latest ? 'ready' : 'waiting'}>
      <p className="card-hint"><RichText text={t('samples.hint')} /></p>
      <Slider testId="slider-samples-temperature" label={t('samples.temperature')} value={temperature} min={TEMPERATURE_MIN} max={TEMPERATURE_MAX}
        step={0.1} help={t('samples.temperature.help')} format={(v) => v.toFixed(1)} onChange={(v) => setTemperature(+v.toFixed(1))} />
      {latest ? (
        <>
          <p className="card-hint" data-testid="samples-step" data-step={latest.step}>
            {t('samples.atStep', { step: latest.step, temp: latest.temperature.toFixed(1) })}
          </p>
          {latest.error ? <p className="card-hint">{latest.error}</p> : <SampleText r={latest} testId="samples-text" />}
        </>
      ) : (
        <p className="card-hint" data-testid="samples-waiting">{t('samples.waiting', { n: SAMPLE_EVERY })}</p>
      )}
      {earlier.length > 0 && (
        <details data-testid="samples-history">
          <summary>{t('samples.earlier')}</summary>
          {earlier.map((r) => (
            <div key={`${r.step}-${r.temperature}`}>
              <p className="card-hint">{t('samples.atStep', { step: r.step, temp: r.temperature.toFixed(1) })}</p>
              <SampleText r={r} />
            </div>
          ))}
        </details>
      )}
      {latest?.units && <UnitsView report={latest.units} />}
    </div>
  );
}
