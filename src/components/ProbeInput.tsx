// "Your input": the reader types the sequence every gate, state and instrument view should show
// (numbers, or characters on the character task) instead of the task's fixed example. The text is
// read here first (src/engine/probe-input.ts): a bad one gets a message and the views keep what
// they show; a good one goes to the worker (store probeInput → bridge → 'probeInput'), which
// reads it again against its run and answers with the number of steps, or why it no longer fits.
import { useState } from 'react';
import { appStore, useApp } from '../store';
import { taskSizes } from '../store/catalog';
import type { ProbeInputMode } from '../engine/probe-input';
import { useT } from './hooks';
import { RichText } from './RichText';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function ProbeInput() {
  const t = useT();
  const probe = useApp((s) => s.probeInput);
  const taskId = useApp((s) => s.config.taskId);
  const width = useApp((s) => taskSizes(s.catalog?.tasks.find((x) => x.id === s.config.taskId), s.config.taskOptions).inputSize);
  const ready = useApp((s) => s.catalog !== null);
  const chars = taskId === 'chars';
  // The reader's pick; unpicked, the character task reads characters and every other numbers.
  const [mode, setMode] = useState<ProbeInputMode | null>(null);
  const [text, setText] = useState(probe.input?.text ?? '');
  const [error, setError] = useState<string | null>(null);
  const effectiveMode: ProbeInputMode = chars ? mode ?? 'chars' : 'numbers';

  const apply = async () => {
    const s = appStore().getState();
    try {
      const { parseProbeInput, probeContext } = await import('../engine/probe-input');
      parseProbeInput({ mode: effectiveMode, text }, probeContext(s.config.taskId, s.config.taskOptions, width));
      setError(null);
      s.setProbeInput({ mode: effectiveMode, text });
    } catch (e) {
      // The views keep the probe they show (the task's example or the last good input).
      setError(t('probe.invalid', { why: errorText(e) }));
    }
  };

  const back = () => {
    setError(null);
    appStore().getState().setProbeInput(null);
  };

  return (
    <div className="probe-input" data-testid="probe-panel">
      <label htmlFor="probe-input-text" className="control-label">{t('probe.title')}</label>
      <p className="control-help">
        <RichText text={t(effectiveMode === 'chars' ? 'probe.help.chars' : 'probe.help.numbers', { width })} />
      </p>
      {chars && (
        <select aria-label={t('probe.mode')} data-testid="probe-mode" value={effectiveMode}
          onChange={(e) => setMode(e.currentTarget.value === 'numbers' ? 'numbers' : 'chars')}>
          <option value="chars">{t('probe.mode.chars')}</option>
          <option value="numbers">{t('probe.mode.numbers')}</option>
        </select>
      )}
      <textarea id="probe-input-text" data-testid="probe-input" rows={2} spellCheck={false} value={text}
        placeholder={effectiveMode === 'chars' ? 'Alice was' : width > 1 ? '1 0; 0 1; 0.5 0' : '1, 0, 0, 1, 0.5'}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Enter shows the input (Shift+Enter starts a new line: a new step, or a newline character).
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            void apply();
          }
        }} />
      <div className="weights-buttons">
        <button type="button" className="btn btn-ghost" data-testid="probe-apply" disabled={!ready || !text.trim()} onClick={() => void apply()}>
          {t('probe.show')}
        </button>
        <button type="button" className="btn btn-ghost" data-testid="probe-back" disabled={!probe.input} onClick={back}>
          {t('probe.back')}
        </button>
      </div>
      {probe.input && (
        <p className="control-help" data-testid="probe-active" data-t={probe.T ?? ''} role="status">
          {probe.T === null ? t('probe.pending') : t('probe.active', { T: probe.T })}
        </p>
      )}
      {(error ?? probe.message) && (
        <p className="control-help weights-message error" data-testid="probe-message" role="alert">
          {error ?? t('probe.refused', { why: probe.message ?? '' })}
        </p>
      )}
    </div>
  );
}
