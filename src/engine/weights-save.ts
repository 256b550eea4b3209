// A weight file as the page saves it, built in src/worker/weights.worker.ts: for a large model the
// JSON text runs to tens of megabytes, and writing it on the main thread would cost the page its
// frames. The page posts the weights, this answers with the file's Blob.
import type { RunConfig } from '../protocol/messages';
import type { TensorData } from './pytorch-import';
import { weightsFileJson } from './weights-file';
import { taskRecord } from './weights-task';

export interface SaveRequest {
  kind: 'save';
  config: RunConfig;
  /** The task's input size (the first layer's I). */
  inputSize: number;
  values: Record<string, TensorData>;
}

export type SaveReply = { ok: true; blob: Blob } | { ok: false; message: string };

/** The whole save; exported so unit tests run it without a Worker. */
export function saveWeightsRequest(req: SaveRequest): SaveReply {
  try {
    const { config } = req;
    const task = taskRecord(config.taskId, config.taskOptions ?? {}, config.seqLen);
    const text = JSON.stringify(weightsFileJson(config, req.inputSize, req.values, task));
    return { ok: true, blob: new Blob([text], { type: 'application/json' }) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
