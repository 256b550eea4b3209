// One slider per numeric run setting, declared once: the control panel shows them all, a lesson
// step shows the one or two it asks the reader to drag. Each writes straight to the config slice.
import { appStore, useApp } from '../store';
import { numLimits } from '../store/url';
import type { MessageKey } from '../i18n';
import type { RunConfig } from '../protocol/messages';
import { Slider } from './Slider';
import { useT } from './hooks';
import { useInitRadius } from './init-radius';

export type SliderField = 'hiddenSize' | 'numLayers' | 'seqLen' | 'learningRate' | 'recurrentScale' | 'clipNorm' | 'svClip';

const fmtLr = (v: number) => v.toExponential(1).replace('e-', 'e−');

interface SliderDef {
  label: MessageKey;
  help?: MessageKey;
  step: number;
  log?: boolean;
  format?: (v: number, t: ReturnType<typeof useT>) => string;
}

const DEFS: Record<SliderField, SliderDef> = {
  hiddenSize: { label: 'controls.hiddenSize', step: 1 },
  numLayers: { label: 'controls.numLayers', step: 1 },
  seqLen: { label: 'controls.seqLen', step: 1 },
  learningRate: { label: 'controls.learningRate', step: 0.05, log: true, format: fmtLr },
  // Formatted with the measured init radius below (ρ of the cell's own init → the value set).
  recurrentScale: { label: 'controls.recurrentScale', help: 'controls.recurrentScale.help', step: 0.05 },
  clipNorm: { label: 'controls.clipNorm', step: 0.25, format: (v, t) => (v === 0 ? t('controls.clipNorm.off') : v.toFixed(2)) },
  svClip: { label: 'controls.svClip', help: 'controls.svClip.help', step: 0.05, format: (v, t) => (v === 0 ? t('controls.clipNorm.off') : `σ ≤ ${v.toFixed(2)}`) },
};

/**
 * "off · ρ = 0.58" at 0 (the cell's own init), else "ρ = 0.58 → 1.00"; "ρ → 1.00" before it is
 * measured; a cell without a square recurrent matrix says the control does nothing for it.
 */
function formatRadius(v: number, initRho: number | null | undefined, t: ReturnType<typeof useT>): string {
  if (initRho === null) return t('controls.recurrentScale.none');
  const now = initRho === undefined ? null : initRho.toFixed(2);
  if (v === 0) return now === null ? t('controls.clipNorm.off') : t('controls.recurrentScale.off', { rho: now });
  return now === null ? `ρ → ${v.toFixed(2)}` : `ρ = ${now} → ${v.toFixed(2)}`;
}

export function ConfigSlider({ field }: { field: SliderField }) {
  const t = useT();
  const value = useApp((s) => s.config[field] ?? 0);
  const def = DEFS[field];
  const { min, max } = numLimits(field);
  const initRho = useInitRadius(field === 'recurrentScale');
  const format = field === 'recurrentScale' ? (v: number, tt: typeof t) => formatRadius(v, initRho, tt) : def.format;
  return (
    <Slider testId={`slider-${field}`} label={t(def.label)} value={value} min={min} max={max} step={def.step} log={def.log}
      format={format ? (v) => format(v, t) : undefined} help={def.help ? t(def.help) : undefined}
      onChange={(v) => appStore().getState().setConfig({ [field]: v } as Partial<RunConfig>)} />
  );
}
