// A weight file as the page loads it (in src/worker/weights.worker.ts, off the main thread): its
// size checked before any text is read, every key and number validated (weights-file.ts), its
// task restored when this app can run it the same way (weights-task.ts), the weights fitted to
// the task the run will have. Errors come back as a message, never thrown.
import type { CellOptions } from '../cells/types';
import { fitWeightsToTask, readWeightsFile, type WeightsFile, type WeightsLimits } from './weights-file';
import { ImportError, LARGEST_SAVED, MAX_FILE_BYTES, QUOTE_MAX } from './weights-schema';
import { restoreTask } from './weights-task';

export interface WeightsRequest {
  file: Blob;
  /** The page's largest model (its sliders' maxima). */
  limits: WeightsLimits;
  /** The page's sequence-length range, for a task restored from the file. */
  seqLimits: { min: number; max: number };
  /** The task the run has now: a file without a task (or whose task cannot be restored) must fit it. */
  current: { inputSize: number; outputSize: number; name: string };
}

export interface TaskToRestore {
  taskId: string;
  taskOptions: CellOptions;
  seqLen?: number;
  name: string;
}

export type WeightsReply =
  | { ok: true; file: WeightsFile; restore?: TaskToRestore; taskKept?: string }
  | { ok: false; message: string };

/** The whole read; exported so unit tests run it without a Worker. */
export async function readWeightsRequest(req: WeightsRequest): Promise<WeightsReply> {
  try {
    if (req.file.size > MAX_FILE_BYTES) {
      return { ok: false, message: `the file is ${(req.file.size / 2 ** 20).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 2 ** 20} MB limit (the largest file the app saves is ${LARGEST_SAVED})` };
    }
    const parsed = readWeightsFile(await req.file.text(), req.limits);
    let target = req.current;
    let restore: TaskToRestore | undefined;
    let taskKept: string | undefined;
    if (parsed.task) {
      const r = restoreTask(parsed.task, req.seqLimits);
      if (r.ok) {
        target = { inputSize: r.inputSize, outputSize: r.outputSize, name: r.name };
        restore = { taskId: r.taskId, taskOptions: r.taskOptions, seqLen: r.seqLen, name: r.name };
      } else taskKept = r.why;
    }
    return { ok: true, file: fitWeightsToTask(parsed, target), restore, taskKept };
  } catch (e) {
    // An ImportError's message is written for the reader; anything else is a bug, said briefly.
    const text = e instanceof ImportError ? e.message : `unexpected error (${String((e as Error)?.message ?? e).slice(0, QUOTE_MAX)})`;
    return { ok: false, message: text };
  }
}

