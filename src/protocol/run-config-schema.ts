// The run config as one schema (valibot): each field's type and the limits a link or the page's
// controls may ask for. RunConfig (messages.ts) is derived from it, so the type and the check cannot
// drift apart. Every action of a field carries the same message ("an integer in [4, 128]"), so a bad
// value gets one message per field whatever part of the check it fails. The CLI and the bench may
// build configs beyond these limits (H 256); the worker's budget (src/engine/budget.ts) is what
// refuses a run too big to train, these limits only bound what a link can ask for.
import * as v from 'valibot';

export const SEED_MAX = 2 ** 31 - 1;

/** A numeric field: integer or real, its limits (inclusive) and its default. */
export interface NumLimits {
  type: 'int' | 'float';
  min: number;
  max: number;
  default: number;
}

/** The run's numeric fields. */
export const RUN_NUMBERS = {
  // 12 (a gap of 5 on the copy task) is short enough that the default LSTM visibly learns within
  // ~150 steps; the sliders go further for people who want to watch memory fail.
  seqLen: { type: 'int', default: 12, min: 10, max: 200 },
  hiddenSize: { type: 'int', default: 32, min: 4, max: 128 },
  numLayers: { type: 'int', default: 1, min: 1, max: 3 },
  learningRate: { type: 'float', default: 0.01, min: 1e-4, max: 0.1 },
  batchSize: { type: 'int', default: 32, min: 1, max: 256 },
  // The spectral radius ρ of W_hh at init (src/engine/spectral.ts); 0 = off, the cell's own init
  // (PyTorch's ρ ≈ 0.58).
  recurrentScale: { type: 'float', default: 0, min: 0, max: 3 },
  clipNorm: { type: 'float', default: 1, min: 0, max: 10 },
  // Kanai et al. clip to just under 2, the bound of their fixed-point analysis; 0 means off. Above 3 it would never bite.
  svClip: { type: 'float', default: 0, min: 0, max: 3 },
  seed: { type: 'int', default: 1, min: 0, max: SEED_MAX },
} as const satisfies Record<string, NumLimits>;

export const SV_CLIP_SCOPES = ['all', 'candidate'] as const;

/** "an integer in [4, 128]", "a number in [0.0001, 0.1]": what a numeric field expects. */
export function describeNumber(l: Pick<NumLimits, 'type' | 'min' | 'max'>): string {
  return `${l.type === 'int' ? 'an integer' : 'a number'} in [${l.min}, ${l.max}]`;
}

/** "one of en, zh". */
export function describeChoices(choices: readonly string[]): string {
  const shown = choices.slice(0, 12).map((c) => (c === '' ? '(empty)' : c));
  return `one of ${shown.join(', ')}${choices.length > shown.length ? ', …' : ''}`;
}

/** A numeric field's schema; every check in it says the same thing. */
export function numberSchema(l: Pick<NumLimits, 'type' | 'min' | 'max'>) {
  const msg = `expected ${describeNumber(l)}`;
  return l.type === 'int'
    ? v.pipe(v.number(msg), v.integer(msg), v.minValue(l.min, msg), v.maxValue(l.max, msg))
    : v.pipe(v.number(msg), v.finite(msg), v.minValue(l.min, msg), v.maxValue(l.max, msg));
}

export function choiceSchema<const T extends readonly [string, ...string[]]>(choices: T) {
  return v.picklist(choices, `expected ${describeChoices(choices)}`);
}

export const BooleanSchema = v.boolean('expected 1 or 0');

/** A cell's or a task's own settings; each is checked against its declaration (OptionSpec) where read. */
export const CellOptionsSchema = v.record(v.string(), v.union([v.number(), v.string(), v.boolean()]));

export const RunConfigSchema = v.object({
  cellId: v.string(),
  cellOptions: CellOptionsSchema,
  taskId: v.string(),
  /** Task options (copy: number of symbols, alphabet size; select: how many to recall). */
  taskOptions: v.optional(CellOptionsSchema),
  /** Length of the task's sequences (the task decides how, e.g. copy: blank stretch + symbols). */
  seqLen: numberSchema(RUN_NUMBERS.seqLen),
  hiddenSize: numberSchema(RUN_NUMBERS.hiddenSize),
  numLayers: numberSchema(RUN_NUMBERS.numLayers),
  bidirectional: BooleanSchema,
  learningRate: numberSchema(RUN_NUMBERS.learningRate),
  batchSize: numberSchema(RUN_NUMBERS.batchSize),
  /** The spectral radius ρ of W_hh (and every other 'recurrent' parameter) at init; 0: the cell's own init. */
  recurrentScale: numberSchema(RUN_NUMBERS.recurrentScale),
  /** Global-norm gradient clipping threshold; 0 turns it off. */
  clipNorm: numberSchema(RUN_NUMBERS.clipNorm),
  /**
   * Singular-value clipping (Kanai et al. 2017): after each update, every square block of each
   * 'recurrent' parameter has its singular values clipped to at most this; 0 or absent turns it off.
   */
  svClip: v.optional(numberSchema(RUN_NUMBERS.svClip)),
  /**
   * Which blocks singular-value clipping acts on: 'all' (every square block of every recurrent
   * weight) or 'candidate' (Kanai et al.: only the blocks that write the candidate, e.g. the GRU's
   * W_hn; a cell without gates has no other). Absent: 'all'.
   */
  svClipScope: v.optional(choiceSchema(SV_CLIP_SCOPES)),
  seed: numberSchema(RUN_NUMBERS.seed),
});

/** Everything that defines a run (RunConfig in messages.ts). */
export type RunConfigShape = v.InferOutput<typeof RunConfigSchema>;

/** At most ~200 characters of a bad value, so a 10 MB value is not quoted whole. */
export function quoteValue(raw: string, max = 200): string {
  if (raw.length <= max) return raw;
  let cut = raw.slice(0, max);
  // Do not split a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}… (${raw.length} characters)`;
}
