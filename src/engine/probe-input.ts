// A probe sequence the reader types (the "Your own model" panel): instead of the task's fixed
// example, every gate, state and instrument view watches the model read this input. Plain data in
// and out, no tensors: the page parses it for an instant message, the worker parses the same text
// again against its own task (so a task changed since then is checked too) and runs it.
//
// Two ways to type it:
// - numbers: steps separated by ';' or line breaks; without either, every number is one step.
//   A step is one number (it goes to the first input, the others are 0) or exactly as many
//   numbers as the model reads per step (commas or spaces between them).
// - characters (the character task only): each character one step, one-hot through the task's
//   vocabulary; a character the text never uses is refused by name.
import type { CellOptions } from '../cells/types';
import { charLabel, getCorpus, splitChars, type CharVocab } from './tasks/chars';
import type { Task, TaskProbe } from './tasks/types';

export const PROBE_MIN_STEPS = 1;
export const PROBE_MAX_STEPS = 500;
/** Larger inputs only saturate every gate (and overflow float32 products soon after). */
export const PROBE_MAX_ABS = 1e6;

export type ProbeInputMode = 'numbers' | 'chars';

/** What the page sends the worker ('probeInput' message): the typed text and how to read it. */
export interface ProbeInput {
  mode: ProbeInputMode;
  text: string;
}

/** A parsed input: T steps of `width` values, row-major, and a label per step for the heatmaps. */
export interface ParsedProbe {
  T: number;
  width: number;
  x: Float32Array;
  labels: string[];
}

/** What the input is read against: the model's input width and, for characters, the vocabulary. */
export interface ProbeContext {
  width: number;
  vocab?: CharVocab;
}

/** A typed input that cannot be read; the message says what is wrong and how to write it. */
export class ProbeInputError extends Error {
  override name = 'ProbeInputError';
}

/** The context of a task: its input width, and its vocabulary when it is the character task. */
export function probeContext(taskId: string, taskOptions: CellOptions | undefined, width: number): ProbeContext {
  return taskId === 'chars' ? { width, vocab: getCorpus(taskOptions ?? {}).vocab } : { width };
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function readNumber(token: string, step: number): number {
  const t = token.replace(/^\u2212/, '-');
  if (!NUMBER.test(t)) throw new ProbeInputError(`step ${step}: "${token}" is not a number (write numbers such as 1, -0.5 or 2e-3)`);
  const v = Number(t);
  if (!Number.isFinite(v) || Math.abs(v) > PROBE_MAX_ABS) {
    throw new ProbeInputError(`step ${step}: ${token} is too large; values must be finite and at most ${PROBE_MAX_ABS} in size`);
  }
  return v;
}

function checkLength(T: number): void {
  if (T < PROBE_MIN_STEPS) throw new ProbeInputError('the input is empty: type at least one step');
  if (T > PROBE_MAX_STEPS) throw new ProbeInputError(`the input has ${T} steps; at most ${PROBE_MAX_STEPS} are allowed`);
}

/** Short label of a number for a heatmap column: as typed, without needless digits. */
const numLabel = (v: number) => String(Number(v.toPrecision(4)));

export function parseNumbers(text: string, width: number): ParsedProbe {
  const trimmed = text.trim();
  if (!trimmed) throw new ProbeInputError('the input is empty: type numbers separated by commas or spaces (one per step), or steps separated by ";"');
  const split = (s: string) => s.split(/[\s,]+/).filter(Boolean);
  const stepped = /[;\n]/.test(trimmed);
  const groups = stepped ? trimmed.split(/[;\n]/).map(split).filter((g) => g.length > 0) : split(trimmed).map((tok) => [tok]);
  checkLength(groups.length);
  const x = new Float32Array(groups.length * width);
  const labels: string[] = [];
  groups.forEach((g, t) => {
    if (g.length !== 1 && g.length !== width) {
      throw new ProbeInputError(
        `step ${t + 1} has ${g.length} numbers; this model reads ${width} per step (or type one number per step, which goes to the first input)`,
      );
    }
    const values = g.map((tok) => readNumber(tok, t + 1));
    x.set(values, t * width);
    labels.push(values.map(numLabel).join(','));
  });
  return { T: groups.length, width, x, labels };
}

export function parseChars(text: string, vocab: CharVocab): ParsedProbe {
  const chars = splitChars(text.replace(/\r\n?/g, '\n'));
  checkLength(chars.length);
  const unknown = [...new Set(chars.filter((c) => !vocab.index.has(c)))];
  if (unknown.length) {
    const shown = unknown.slice(0, 5).map((c) => `"${charLabel(c)}"`).join(', ');
    throw new ProbeInputError(`${shown} ${unknown.length === 1 ? 'is' : 'are'} not in the text’s vocabulary; the model reads only characters its text uses`);
  }
  const width = vocab.chars.length;
  const x = new Float32Array(chars.length * width);
  chars.forEach((c, t) => {
    x[t * width + vocab.index.get(c)!] = 1;
  });
  return { T: chars.length, width, x, labels: chars.map(charLabel) };
}

/** Reads a typed input against a context; throws ProbeInputError with the reason. */
export function parseProbeInput(input: ProbeInput, ctx: ProbeContext): ParsedProbe {
  if (input.mode === 'chars') {
    if (!ctx.vocab) throw new ProbeInputError('characters can be typed only on the character task; type numbers instead');
    const p = parseChars(input.text, ctx.vocab);
    if (p.width !== ctx.width) throw new ProbeInputError(`the vocabulary has ${p.width} characters, the model reads ${ctx.width} inputs per step`);
    return p;
  }
  if (input.mode !== 'numbers') throw new ProbeInputError(`unknown input mode ${JSON.stringify(input.mode)}`);
  return parseNumbers(input.text, ctx.width);
}

/**
 * The probe a task's views watch, built from a typed input: a batch of one, no targets, every step
 * in the mask so the model's prediction at each step is shown.
 */
export function typedProbe(task: Task, p: ParsedProbe): TaskProbe {
  if (p.width !== task.inputSize) throw new ProbeInputError(`the input has ${p.width} values per step, the model reads ${task.inputSize}`);
  return {
    batch: { T: p.T, B: 1, x: p.x, y: new Float32Array(p.T * task.outputSize), mask: new Float32Array(p.T).fill(1) },
    inputLabels: p.labels,
    targetLabels: new Array<string>(p.T).fill(''),
  };
}
