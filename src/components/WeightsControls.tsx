// Save the run's weights to a file, or start the run from one: a PyTorch RNN / LSTM / GRU
// state_dict (the CLI's format) or a file saved here for any cell, with the task it was trained
// on. A file is read and checked in full, in a worker, before anything changes, so a bad one only
// costs a message (docs/FILE-FORMATS.md).
import { useRef } from 'react';
import { appStore, useApp } from '../store';
import { controls } from '../store/controls';
import { numLimits } from '../store/url';
import { taskSizes as sizesOfTask } from '../store/catalog';
import type { WeightsReply, WeightsRequest } from '../engine/weights-load';
import type { SaveReply, SaveRequest } from '../engine/weights-save';
import { useT } from './hooks';
import { RichText } from './RichText';
import { OwnModelSnippet } from './OwnModelSnippet';
import { ProbeInput } from './ProbeInput';

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
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

  // The file is read and checked in a worker (src/worker/weights.worker.ts): the page keeps its
  // frames whatever the file, and nothing of the run changes until the answer says it fits.
  const weightsWorker = () => new Worker(new URL('../worker/weights.worker.ts', import.meta.url), { type: 'module' });

  const load = (file: File) => {
    const s = appStore().getState();
    const asked = s.config;
    const req: WeightsRequest = {
      file,
      limits: { hiddenSize: numLimits('hiddenSize').max, numLayers: numLimits('numLayers').max },
      seqLimits: numLimits('seqLen'),
      current: taskSizes(),
    };
    const failed = (why: string) => appStore().getState().setWeightsMessage({ kind: 'error', text: t('weights.loadFailed', { name: file.name, why }) });
    s.setWeightsMessage({ kind: 'info', text: t('weights.reading', { name: file.name }) });
    if (typeof Worker === 'undefined') return failed(t('weights.noWorker'));
    const worker = weightsWorker();
    worker.onerror = () => {
      worker.terminate();
      failed(t('weights.readerFailed'));
    };
    worker.onmessage = (e: MessageEvent<WeightsReply>) => {
      worker.terminate();
      const r = e.data;
      if (!r.ok) return failed(r.message);
      const now = appStore().getState();
      // Fitted to the task of the moment it was asked for: a task changed since would not fit.
      if (!r.restore && (now.config.taskId !== asked.taskId || JSON.stringify(now.config.taskOptions) !== JSON.stringify(asked.taskOptions))) {
        return failed(t('weights.taskChanged'));
      }
      const f = r.file;
      if (r.restore) now.setConfig({ taskId: r.restore.taskId, taskOptions: r.restore.taskOptions, ...(r.restore.seqLen ? { seqLen: r.restore.seqLen } : {}) });
      now.setCell(f.shape.cellId, f.shape.cellOptions);
      now.setConfig({ hiddenSize: f.shape.hiddenSize, numLayers: f.shape.numLayers, bidirectional: f.shape.bidirectional });
      const notes = [
        ...(r.restore ? [t('weights.taskRestored', { task: r.restore.name })] : []),
        ...(r.taskKept ? [t('weights.taskKept', { why: r.taskKept })] : []),
        ...f.notes,
      ];
      now.loadWeights({ name: file.name, values: f.values, notes });
    };
    worker.postMessage(req);
  };

  const save = async () => {
    const s = appStore().getState();
    try {
      const values = await controls().exportWeights();
      const { config, run } = appStore().getState();
      const name = `${config.cellId}-h${config.hiddenSize}-step${run.step}.json`;
      // The JSON is written in a worker (src/engine/weights-save.ts): the page keeps its frames.
      const req: SaveRequest = { kind: 'save', config, inputSize: taskSizes().inputSize, values };
      const reply = await new Promise<SaveReply>((resolve) => {
        const worker = weightsWorker();
        worker.onerror = () => {
          worker.terminate();
          resolve({ ok: false, message: t('weights.writerFailed') });
        };
        worker.onmessage = (e: MessageEvent<SaveReply>) => {
          worker.terminate();
          resolve(e.data);
        };
        // Copied, not transferred: a second save waiting on the same export still holds them (a copy is a memcpy; the JSON is the slow part).
        worker.postMessage(req);
      });
      if (!reply.ok) throw new Error(reply.message);
      download(name, reply.blob);
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
            if (file) load(file);
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
