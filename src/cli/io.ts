// File reading for the CLI: the only place that touches the file system, so the parsers in
// src/engine stay usable in the page.
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs-core';
import type { Params } from '../cells/types';
import {
  importedParams,
  parsePytorchInput,
  toTensor,
  type ImportedInput,
  type ImportedModel,
} from '../engine/pytorch-import';
import type { StackState } from '../engine/pytorch-run';
import { parseModelFile } from '../engine/weights-file';

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.message;
    throw new Error(`cannot read ${path}: ${why}`);
  }
}

/** Prefixes the file name so "state_dict.weight_ih_l0: …" says which file it is about. */
function inFile<T>(path: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
}

export interface LoadedRun {
  model: ImportedModel;
  input: ImportedInput;
}

export function loadPytorchRun(modelPath: string, inputPath: string): LoadedRun {
  const modelText = readText(modelPath);
  const inputText = readText(inputPath);
  const model = inFile(modelPath, () => parseModelFile(modelText));
  const input = inFile(inputPath, () => parsePytorchInput(inputText, model));
  model.config.seqLen = input.input.shape[0];
  return { model, input };
}

export interface RunTensors {
  params: Params;
  xs: tf.Tensor3D;
  init: StackState;
}

/** Tensors for a loaded run; call inside tf.tidy. */
export function runTensors({ model, input }: LoadedRun): RunTensors {
  return {
    params: importedParams(model),
    xs: toTensor(input.input) as tf.Tensor3D,
    init: {
      h: input.h0 && (toTensor(input.h0) as tf.Tensor3D),
      c: input.c0 && (toTensor(input.c0) as tf.Tensor3D),
    },
  };
}
