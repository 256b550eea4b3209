// The task a weight file was trained on: written into every file the app saves ("task": id,
// options, seq_len, input_symbols) and, when a file is loaded, restored if this app can run it
// the same way, or a sentence that says why not. Input symbols say what each input channel
// means (the character task's vocabulary, the copy task's alphabet and markers), so a file
// trained on another vocabulary is not silently fed different characters.
import type { CellOptions } from '../cells/types';
import { readOption } from './option-values';
import { getCorpus } from './tasks/chars';
import { getTask, getTaskSpec, hasTask } from './tasks/registry';
import type { TaskDoc } from './weights-schema';
import { quote, quoteKey, quoteKeys } from './weights-schema';

export interface FileTask {
  id: string;
  /** As the file gives them: checked against the task's own options by restoreTask. */
  options: Record<string, unknown>;
  seqLen?: number;
  inputSymbols?: (string | null)[];
}

/** The task fields of a file: what `task` holds, keys as JSON spells them. */
export interface TaskRecord {
  id: string;
  options: CellOptions;
  seq_len: number;
  input_symbols?: (string | null)[];
}

/**
 * What each input channel stands for, where inputs are one-hot symbols: the character task's
 * vocabulary, a symbol task's alphabet and markers. Undefined for tasks whose inputs are values
 * (adding).
 */
export function inputSymbolsOf(taskId: string, options: CellOptions): string[] | undefined {
  if (taskId === 'chars') return [...getCorpus(options).vocab.chars];
  const symbols = getTask(taskId, options).inputSymbols;
  return symbols ? [...symbols] : undefined;
}

export function taskRecord(taskId: string, options: CellOptions, seqLen: number): TaskRecord {
  const symbols = inputSymbolsOf(taskId, options);
  return { id: taskId, options: { ...options }, seq_len: seqLen, ...(symbols ? { input_symbols: symbols } : {}) };
}

export const fileTaskOf = (t: TaskDoc): FileTask => ({
  id: t.id, options: { ...(t.options ?? {}) }, seqLen: t.seq_len, inputSymbols: t.input_symbols,
});

export type TaskRestore =
  | { ok: true; taskId: string; taskOptions: CellOptions; seqLen: number | undefined; inputSize: number; outputSize: number; name: string }
  | { ok: false; why: string };

/**
 * Whether this app can run a file's task as it was trained: a known id, options it accepts, a
 * sequence length within the page's range, and the same meaning for every input channel.
 */
export function restoreTask(t: FileTask, seqLimits: { min: number; max: number }): TaskRestore {
  if (!hasTask(t.id)) return { ok: false, why: `the file’s task ${quoteKey(t.id)} is not one of this app’s` };
  const spec = getTaskSpec(t.id);
  const byKey = new Map(spec.options.map((o) => [o.key, o] as const));
  const unknown = Object.keys(t.options).filter((k) => !byKey.has(k));
  if (unknown.length) return { ok: false, why: `the ${spec.name} task has no option ${quoteKeys(unknown, 3)}` };
  const taskOptions: CellOptions = {};
  for (const o of spec.options) {
    if (!Object.hasOwn(t.options, o.key)) {
      taskOptions[o.key] = o.default;
      continue;
    }
    try {
      taskOptions[o.key] = readOption(o, t.options[o.key], 'task.options');
    } catch {
      return { ok: false, why: `task.options.${o.key}: ${quote(t.options[o.key])} is not a value the ${spec.name} task accepts` };
    }
  }
  if (t.seqLen !== undefined && (t.seqLen < seqLimits.min || t.seqLen > seqLimits.max)) {
    return { ok: false, why: `task.seq_len ${t.seqLen} is outside the page’s range [${seqLimits.min}, ${seqLimits.max}]` };
  }
  const task = getTask(t.id, taskOptions);
  if (t.inputSymbols) {
    const here = inputSymbolsOf(t.id, taskOptions);
    // null in a file: a channel whose meaning the file leaves open.
    const differs = !here || here.length !== t.inputSymbols.length
      || here.some((s, i) => t.inputSymbols![i] !== null && s !== t.inputSymbols![i]);
    if (differs) {
      const at = here ? here.findIndex((s, i) => s !== t.inputSymbols![i]) : -1;
      const detail = here && at >= 0 ? ` (input ${at} is ${quote(t.inputSymbols[at])} in the file, ${quote(here[at])} here)` : '';
      return { ok: false, why: `the file’s input symbols differ from this app’s ${spec.name} task${detail}` };
    }
  }
  return { ok: true, taskId: t.id, taskOptions, seqLen: t.seqLen, inputSize: task.inputSize, outputSize: task.outputSize, name: spec.name };
}
