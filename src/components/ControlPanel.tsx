// The left column: model, task, and training settings. Everything writes to the config slice;
// the bridge turns changes into worker messages and the URL follows.
import { useShallow } from 'zustand/react/shallow';
import { appStore, useApp } from '../store';
import { numLimits, randomSeedValue, SEED_MAX } from '../store/url';
import { hasKey } from '../i18n';
import { cellChoices, currentChoice } from './cell-choices';
import { Slider } from './Slider';
import { OptionControls } from './OptionControls';
import { useT } from './hooks';
import type { RunConfig } from '../worker/protocol';

const fmtLr = (v: number) => v.toExponential(1).replace('e-', 'e−');

export interface ControlPanelProps {
  /** The cell card and the Compare page fix the cell themselves. */
  showCell?: boolean;
  showCellOptions?: boolean;
  /** The Compare page counts parameters per cell in its table instead. */
  showParamCount?: boolean;
  /** Shown under the title (the card's preset line). */
  children?: React.ReactNode;
  title?: string;
}

export function ControlPanel({ showCell = true, showCellOptions = true, showParamCount = true, children, title }: ControlPanelProps = {}) {
  const t = useT();
  const config = useApp((s) => s.config);
  const catalog = useApp((s) => s.catalog);
  const { paramCount } = useApp(useShallow((s) => ({ paramCount: s.run.paramCount })));
  const set = (patch: Partial<RunConfig>) => appStore().getState().setConfig(patch);
  const lim = (f: keyof RunConfig) => numLimits(f);
  const cells = catalog?.cells ?? [];
  const choices = cellChoices(cells);
  const cell = cells.find((c) => c.id === config.cellId);
  const tasks = catalog?.tasks ?? [];
  const disabled = !catalog;

  return (
    <section className="card controls" aria-label={title ?? t('controls.title')}>
      <h2 className="card-title">{title ?? t('controls.title')}</h2>
      {children}
      {showCell && <div className="control">
        <label htmlFor="cell-select">{t('controls.cell')}</label>
        <select
          id="cell-select"
          data-testid="cell-select"
          disabled={disabled}
          value={currentChoice(choices, config.cellId, config.cellOptions)}
          onChange={(e) => {
            const ch = choices.find((c) => c.value === e.currentTarget.value);
            if (ch) appStore().getState().setCell(ch.cellId, ch.options);
          }}
        >
          {!catalog && <option value={config.cellId}>{config.cellId.toUpperCase()}</option>}
          {choices.map((ch) => (
            <option key={ch.value} value={ch.value}>
              {ch.label}
            </option>
          ))}
        </select>
      </div>}
      <div className="control">
        <label htmlFor="task-select">{t('controls.task')}</label>
        <select
          id="task-select"
          data-testid="task-select"
          disabled={disabled}
          value={config.taskId}
          onChange={(e) => set({ taskId: e.currentTarget.value })}
        >
          {(tasks.length ? tasks : [{ id: config.taskId, name: config.taskId }]).map((task) => {
            const key = `task.${task.id}`;
            return (
              <option key={task.id} value={task.id}>
                {hasKey(key) ? t(key) : task.name}
              </option>
            );
          })}
        </select>
      </div>

      {showCellOptions && cell && <OptionControls options={cell.options} />}

      <Slider testId="slider-hiddenSize" label={t('controls.hiddenSize')} value={config.hiddenSize}
        {...lim('hiddenSize')} step={1} onChange={(v) => set({ hiddenSize: v })} />
      <Slider testId="slider-numLayers" label={t('controls.numLayers')} value={config.numLayers}
        {...lim('numLayers')} step={1} onChange={(v) => set({ numLayers: v })} />
      <label className="control checkbox">
        <input type="checkbox" data-testid="checkbox-bidirectional" checked={config.bidirectional}
          onChange={(e) => set({ bidirectional: e.currentTarget.checked })} />
        <span>{t('controls.bidirectional')}</span>
      </label>
      <Slider testId="slider-seqLen" label={t('controls.seqLen')} value={config.seqLen}
        {...lim('seqLen')} step={1} onChange={(v) => set({ seqLen: v })} />

      <h3 className="card-subtitle">{t('controls.training')}</h3>
      <Slider testId="slider-learningRate" label={t('controls.learningRate')} value={config.learningRate}
        {...lim('learningRate')} step={0.05} log format={fmtLr} onChange={(v) => set({ learningRate: v })} />
      <Slider testId="slider-recurrentScale" label={t('controls.recurrentScale')} value={config.recurrentScale}
        {...lim('recurrentScale')} step={0.05} format={(v) => `× ${v.toFixed(2)}`}
        help={t('controls.recurrentScale.help')} onChange={(v) => set({ recurrentScale: v })} />
      <Slider testId="slider-clipNorm" label={t('controls.clipNorm')} value={config.clipNorm}
        {...lim('clipNorm')} step={0.25} format={(v) => (v === 0 ? t('controls.clipNorm.off') : v.toFixed(2))}
        onChange={(v) => set({ clipNorm: v })} />
      <Slider testId="slider-svClip" label={t('controls.svClip')} value={config.svClip ?? 0}
        {...lim('svClip')} step={0.05} format={(v) => (v === 0 ? t('controls.clipNorm.off') : `σ ≤ ${v.toFixed(2)}`)}
        help={t('controls.svClip.help')} onChange={(v) => set({ svClip: v })} />

      <div className="control seed-row">
        <label htmlFor="seed-input">{t('controls.seed')}</label>
        <input id="seed-input" type="number" data-testid="seed-input" min={0} max={SEED_MAX} value={config.seed}
          onChange={(e) => {
            const v = Math.round(Number(e.currentTarget.value));
            if (Number.isFinite(v)) set({ seed: Math.min(SEED_MAX, Math.max(0, v)) });
          }} />
        <button type="button" className="btn btn-ghost" data-testid="new-seed" onClick={() => set({ seed: randomSeedValue() })}>
          ↻ {t('controls.newSeed')}
        </button>
      </div>
      {showParamCount && <div className="param-count">
        <span>{t('controls.params')}</span>
        <strong data-testid="param-count">{paramCount === null ? '—' : paramCount.toLocaleString()}</strong>
      </div>}
    </section>
  );
}
