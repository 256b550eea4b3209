// The left column: model, task, and training settings. Everything writes to the config slice;
// the bridge turns changes into worker messages and the URL follows.
import { useShallow } from 'zustand/react/shallow';
import { appStore, useApp } from '../store';
import { randomSeedValue, SEED_MAX } from '../store/url';
import { hasKey } from '../i18n';
import { cellChoices, currentChoice } from './cell-choices';
import { ConfigSlider } from './ConfigSlider';
import { OptionControls } from './OptionControls';
import { WeightsControls } from './WeightsControls';
import { BudgetNote } from './BudgetNote';
import { useT } from './hooks';
import type { RunConfig } from '../protocol/messages';
import { RichText } from './RichText';

export interface ControlPanelProps {
  /** The cell card and the Compare page fix the cell themselves. */
  showCell?: boolean;
  showCellOptions?: boolean;
  /** The Compare page counts parameters per cell in its table instead. */
  showParamCount?: boolean;
  /** Saving and loading weights: a single run only. */
  showWeights?: boolean;
  /** Shown under the title (the card's preset line). */
  children?: React.ReactNode;
  title?: string;
}

export function ControlPanel({ showCell = true, showCellOptions = true, showParamCount = true, showWeights = true, children, title }: ControlPanelProps = {}) {
  const t = useT();
  const config = useApp((s) => s.config);
  const catalog = useApp((s) => s.catalog);
  const { paramCount } = useApp(useShallow((s) => ({ paramCount: s.run.paramCount })));
  const set = (patch: Partial<RunConfig>) => appStore().getState().setConfig(patch);
  const cells = catalog?.cells ?? [];
  const choices = cellChoices(cells);
  const cell = cells.find((c) => c.id === config.cellId);
  const tasks = catalog?.tasks ?? [];
  const task = tasks.find((x) => x.id === config.taskId);
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

      {task?.options && task.options.length > 0 && <OptionControls options={task.options} target="task" />}
      {showCellOptions && cell && <OptionControls options={cell.options} />}

      <ConfigSlider field="hiddenSize" />
      <ConfigSlider field="numLayers" />
      <label className="control checkbox">
        <input type="checkbox" data-testid="checkbox-bidirectional" checked={config.bidirectional}
          onChange={(e) => set({ bidirectional: e.currentTarget.checked })} />
        <span>{t('controls.bidirectional')}</span>
      </label>
      <ConfigSlider field="seqLen" />
      <BudgetNote />

      <h3 className="card-subtitle">{t('controls.training')}</h3>
      <ConfigSlider field="learningRate" />
      <ConfigSlider field="recurrentScale" />
      <ConfigSlider field="clipNorm" />
      <ConfigSlider field="svClip" />
      {(config.svClip ?? 0) > 0 && (
        <div className="control">
          <label htmlFor="sv-scope">{t('controls.svScope')}</label>
          <select id="sv-scope" data-testid="select-svScope" value={config.svClipScope ?? 'all'}
            onChange={(e) => set({ svClipScope: e.currentTarget.value === 'candidate' ? 'candidate' : 'all' })}>
            <option value="all">{t('controls.svScope.all')}</option>
            <option value="candidate">{t('controls.svScope.candidate')}</option>
          </select>
          <p className="control-help"><RichText text={t('controls.svScope.help')} /></p>
        </div>
      )}

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
      {showWeights && <WeightsControls />}
      {showParamCount && <div className="param-count">
        <span>{t('controls.params')}</span>
        <strong data-testid="param-count">{paramCount === null ? '—' : paramCount.toLocaleString()}</strong>
      </div>}
    </section>
  );
}
