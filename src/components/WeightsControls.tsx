// Save the run's weights to a file, or start the run from one: a PyTorch RNN / LSTM / GRU
// state_dict (the CLI's format) or a file saved here for any cell. A file is read and checked
// in full before anything changes, so a bad one only costs a message.
import { useRef } from 'react';
import { appStore, useApp } from '../store';
import { controls } from '../store/controls';
import { numLimits } from '../store/url';
import { taskSizes as sizesOfTask } from '../store/catalog';
import { useT } from './hooks';
import { RichText } from './RichText';
import { OwnModelSnippet } from './OwnModelSnippet';
import { ProbeInput } from './ProbeInput';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function WeightsControls() {
  const t = useT();
  const loaded = useApp((s) => s.weights.loaded);
  const message = useApp((s) => s.weights.message);
  const ready = useApp((s) => s.catalog !== null);
  const input = useRef<HTMLInputElement>(null);

  const taskSizes = () => {
    const s = appStore().getState();
    const task = s.catalog?.tasks.find((x) => x.id === s.config.taskId);
    return { ...sizesOfTask(task, s.config.taskOptions), name: task?.name ?? s.config.taskId };
  };

  const load = async (file: File) => {
    const s = appStore().getState();
    try {
      const text = await file.text();
      const { parseWeightsFile } = await import('../engine/weights-file');
      const f = parseWeightsFile(text, taskSizes());
      for (const [field, value] of [['hiddenSize', f.shape.hiddenSize], ['numLayers', f.shape.numLayers]] as const) {
        const { max } = numLimits(field);
        if (value > max) throw new Error(t('weights.tooBig', { field, value, max }));
      }
      s.setCell(f.shape.cellId, f.shape.cellOptions);
      s.setConfig({ hiddenSize: f.shape.hiddenSize, numLayers: f.shape.numLayers, bidirectional: f.shape.bidirectional });
      s.loadWeights({ name: file.name, values: f.values, notes: f.notes });
    } catch (e) {
      s.setWeightsMessage({ kind: 'error', text: t('weights.loadFailed', { name: file.name, why: errorText(e) }) });
    }
  };

  const save = async () => {
    const s = appStore().getState();
    try {
      const values = await controls().exportWeights();
      const { weightsFileJson } = await import('../engine/weights-file');
      const { config, run } = appStore().getState();
      const name = `${config.cellId}-h${config.hiddenSize}-step${run.step}.json`;
      download(name, JSON.stringify(weightsFileJson(config, taskSizes().inputSize, values)));
      s.setWeightsMessage({ kind: 'info', text: t('weights.saved', { name }) });
    } catch (e) {
      s.setWeightsMessage({ kind: 'error', text: t('weights.saveFailed', { why: errorText(e) }) });
    }
  };

  return (
    <div className="control weights" data-testid="weights-controls">
      <span className="control-label">{t('controls.weights')}</span>
      <div className="weights-buttons">
        <button type="button" className="btn btn-ghost" data-testid="weights-save" disabled={!ready} onClick={() => void save()}>
          ↓ {t('weights.save')}
        </button>
        <button type="button" className="btn btn-ghost" data-testid="weights-load" disabled={!ready} onClick={() => input.current?.click()}>
          ↑ {t('weights.load')}
        </button>
        <input ref={input} type="file" accept=".json,application/json" hidden data-testid="weights-file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void load(file);
          }} />
      </div>
      {loaded && (
        <p className="control-help weights-loaded" data-testid="weights-loaded">
          {t('weights.startsFrom', { name: loaded.name })}
          {loaded.notes.length > 0 && ` (${loaded.notes.join('; ')})`}{' '}
          <button type="button" className="link-button" data-testid="weights-unload" onClick={() => appStore().getState().clearWeights()}>
            {t('weights.unload')}
          </button>
        </p>
      )}
      {message && (
        <p className={`control-help weights-message ${message.kind}`} data-testid="weights-message" role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {!loaded && !message && <p className="control-help"><RichText text={t('weights.help')} /></p>}
      <OwnModelSnippet />
      <ProbeInput />
    </div>
  );
}
