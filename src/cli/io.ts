// File reading for the CLI: the only place that touches the file system, so the parsers in
// src/engine stay usable in the page.
import { readFileSync, statSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import type { Params } from '../cells/types';
import { importedParams, toTensor, type ImportedInput, type ImportedModel } from '../engine/pytorch-import';
import type { StackState } from '../engine/pytorch-run';
import { parseModelFile } from '../engine/weights-file';
import { MAX_FILE_BYTES, parseJsonText } from '../engine/weights-schema';
import { readRunInput, type InputLayout } from './cell-input';
import { UsageError } from './command';

const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;

/** The file's text: stat first, so a FIFO or device (which would block) and a file over the cap are refused unread. */
export function readText(path: string, maxBytes = MAX_FILE_BYTES): string {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
    size = st.size;
  } catch (e) {
    throw new Error(`cannot read ${path}: ${why(e)}`);
  }
  if (size > maxBytes) throw new Error(`${path}: the file is ${mb(size)}; the CLI reads files up to ${mb(maxBytes)}`);
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${path}: ${why(e)}`);
  }
}

function why(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return 'no such file';
  if (err.code === 'EISDIR') return 'is a directory';
  if (err.code === 'ENOTFILE') return 'not a regular file';
  if (err.code === 'EACCES') return 'permission denied';
  return err.message ?? String(e);
}

/**
 * The file's JSON: size and nesting are checked before JSON.parse (weights-schema.ts), so a
 * 10,000-deep list is refused by path instead of overflowing a recursive reader.
 */
export function readJson(path: string, what: string): unknown {
  const text = readText(path);
  return inFile(path, () => parseJsonText(text, what));
}

/** Prefixes the file name so "state_dict.weight_ih_l0: …" says which file it is about. */
export function inFile<T>(path: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError) throw e; // main words a stack overflow itself
    throw new Error(`${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export interface LoadedRun {
  model: ImportedModel;
  input: ImportedInput;
  layout: InputLayout;
}

/** A model file for forward, gradnorms and jacobians: PyTorch's format, a bare state_dict, or rnn-atlas. */
export function loadModel(modelPath: string): ImportedModel {
  const doc = readJson(modelPath, 'model');
  return inFile(modelPath, () => parseModelFile(doc));
}

export function loadPytorchRun(modelPath: string, inputPath: string, flags: ReadonlySet<string> = new Set()): LoadedRun {
  const model = loadModel(modelPath);
  if (flags.has('--batch-first') && !model.batchFirst && declaresBatchFirst(modelPath)) {
    throw new UsageError(`--batch-first contradicts ${modelPath}, whose config says batch_first: false`);
  }
  // PyTorch's batch_first is the module's; the flag is for files that do not say (a bare state_dict).
  const batchFirst = flags.has('--batch-first') || model.batchFirst;
  const doc = readJson(inputPath, 'input file');
  const { input, layout } = inFile(inputPath, () => readRunInput(doc, model, batchFirst));
  model.config.seqLen = input.input.shape[0];
  return { model, input, layout };
}

/** Whether the model file states batch_first itself (read again only when the flag asks). */
function declaresBatchFirst(path: string): boolean {
  const doc = readJson(path, 'model') as { config?: unknown };
  return typeof doc === 'object' && doc !== null && typeof doc.config === 'object' && doc.config !== null && Object.hasOwn(doc.config, 'batch_first');
}

export interface RunTensors {
  params: Params;
  xs: tf.Tensor3D;
  init: StackState;
}

/** Tensors for a loaded run; call inside tf.tidy. */
export function runTensors({ model, input }: Pick<LoadedRun, 'model' | 'input'>): RunTensors {
  return {
    params: importedParams(model),
    xs: toTensor(input.input) as tf.Tensor3D,
    init: {
      h: input.h0 && (toTensor(input.h0) as tf.Tensor3D),
      c: input.c0 && (toTensor(input.c0) as tf.Tensor3D),
    },
  };
}
