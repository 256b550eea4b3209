// The two weight-file formats, described once (docs/FILE-FORMATS.md says the same in words):
// - "pytorch": a torch.nn.RNN / LSTM / GRU as module, config and state_dict (nested lists);
// - "rnn-atlas": any cell of the app as cell, cell_options, config and params.
// Either may carry "readout" (the task head) and "task" (what the run was trained on).
// This module only reads and checks: the text's size and nesting before JSON.parse, the envelope
// through valibot, every tensor against the shape its declared sizes imply, in float32. It builds
// nothing and imports no cell, so a hostile file costs a message and nothing more. Every message
// names the key path and quotes at most QUOTE_MAX characters of the bad value.
import * as v from 'valibot';

export class ImportError extends Error {
  override name = 'ImportError';
}

/** A dense float32 tensor as plain data, row-major. */
export interface TensorData {
  shape: number[];
  values: Float32Array;
}

/**
 * What a file may declare. Wider than the page's sliders (hidden 128, 3 layers: the page checks
 * those too, see WeightsLimits), so a PyTorch model a little larger than the page's still runs in
 * the CLI; narrow enough that the parameter list of the largest is built in microseconds.
 * input_size: the character task reads up to 1,200 inputs (its vocabulary cap; the Chinese text
 * has 1,044 characters), so 2,048.
 */
export const FILE_LIMITS = { inputSize: 2048, hiddenSize: 512, numLayers: 8, seqLen: 100_000, symbols: 4096 } as const;

/**
 * The largest text read. The largest file the page itself saves: an LSTM, hidden 128, 3
 * bidirectional layers, on the Chinese character task (1,044 inputs and outputs), with its
 * readout and task: 2.26 M numbers, 46 MB as the page writes them (48 MB as PyTorch's json.dump
 * would). About twice that: 96 MiB.
 */
export const MAX_FILE_BYTES = 96 * 1024 * 1024;

/** The largest file the page saves, for messages. */
export const LARGEST_SAVED = 'about 46 MB';

/** Weight files nest at most 5 deep (file → state_dict → a [T][B][I] input); this leaves room. */
export const MAX_NESTING = 32;

/** How much of a bad value a message quotes. */
export const QUOTE_MAX = 200;
const KEY_MAX = 60;

/** The largest magnitude a float32 holds; anything larger becomes ±Infinity there. */
export const FLOAT32_MAX = 3.4028234663852886e38;

const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max)}…` : s);

/** A key for a message: quoted, at most KEY_MAX characters. */
export const quoteKey = (k: string): string => JSON.stringify(clip(k, KEY_MAX));

/** A value for a message, without ever serialising more than QUOTE_MAX characters' worth. */
export function quote(x: unknown): string {
  if (typeof x === 'string') return clip(JSON.stringify(clip(x, QUOTE_MAX)), QUOTE_MAX + 8);
  if (typeof x === 'number') return Number.isNaN(x) ? 'NaN' : String(x);
  if (x === null || typeof x === 'boolean') return String(x);
  if (x === undefined) return 'nothing';
  if (Array.isArray(x)) return x.length <= 8 && x.every((e) => typeof e === 'number') ? `[${x.join(', ')}]` : `a list of ${x.length} items`;
  if (typeof x === 'object') {
    const keys = Object.keys(x as object);
    const shown = keys.slice(0, 4).map(quoteKey).join(', ');
    return keys.length === 0 ? 'an empty object' : `an object with keys ${shown}${keys.length > 4 ? ` and ${keys.length - 4} more` : ''}`;
  }
  return typeof x;
}

/** At most `n` keys, quoted, for a message. */
export function quoteKeys(keys: readonly string[], n = 5): string {
  const shown = keys.slice(0, n).map(quoteKey).join(', ');
  return keys.length > n ? `${shown} and ${keys.length - n} more` : shown;
}

const pathOf = (parts: readonly (string | number)[]): string =>
  parts.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${clip(p, KEY_MAX)}` : clip(p, KEY_MAX)), '');

/**
 * Checks the text's size and nesting without recursion, then parses it. The nesting check scans
 * brackets outside strings, so a 10,000-deep list is refused at its 33rd level, by key path,
 * before JSON.parse (or any recursive walk) sees it.
 */
export function parseJsonText(text: string, what: string, maxBytes = MAX_FILE_BYTES): unknown {
  // A UTF-16 length is at most the UTF-8 byte count, so this never refuses a file under the cap.
  if (text.length > maxBytes) {
    throw new ImportError(`${what}: the text is ${(text.length / 2 ** 20).toFixed(1)} MB, over the ${maxBytes / 2 ** 20} MB limit (the largest file the app saves is ${LARGEST_SAVED})`);
  }
  checkNesting(text, what);
  try {
    return JSON.parse(text);
  } catch (e) {
    const hint = /\b(NaN|-?Infinity)\b/.test(text)
      ? ' (it contains NaN or Infinity, which JSON cannot represent; every value must be a finite number)'
      : '';
    throw new ImportError(`${what}: bad JSON: ${clip((e as Error).message, QUOTE_MAX)}${hint}`);
  }
}

function checkNesting(text: string, what: string): void {
  // Per open bracket: the key being read (objects) or the element index (lists), for the message.
  const keys: (string | null)[] = [];
  const index: number[] = [];
  let inString = false;
  let stringStart = 0;
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) {
        inString = false;
        if (expectKey) {
          keys[keys.length - 1] = text.slice(stringStart, Math.min(i, stringStart + KEY_MAX));
          expectKey = false;
        }
      }
      continue;
    }
    if (c === 34) {
      inString = true;
      stringStart = i + 1;
    } else if (c === 123 || c === 91) {
      if (keys.length >= MAX_NESTING) {
        const parts: (string | number)[] = [];
        keys.forEach((k, d) => parts.push(k === null ? index[d] : k));
        throw new ImportError(`${pathOf(parts) || what}: nested more than ${MAX_NESTING} levels deep (a weight file nests at most 5)`);
      }
      keys.push(c === 123 ? '' : null);
      index.push(0);
      expectKey = c === 123;
    } else if (c === 125 || c === 93) {
      keys.pop();
      index.pop();
      expectKey = false;
    } else if (c === 44 && keys.length) {
      index[index.length - 1]++;
      expectKey = keys[keys.length - 1] !== null;
    }
  }
}

/** An own key's value, never one inherited from Object.prototype (`__proto__`, `constructor` …). */
export const own = (obj: Record<string, unknown>, key: string): unknown => (Object.hasOwn(obj, key) ? obj[key] : undefined);

export const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

// ---- The envelope, as schemas. Messages are one per field; `got …` is added by formatIssue. ----

const intIn = (min: number, max: number) => {
  const msg = `expected an integer in [${min}, ${max}]`;
  return v.pipe(v.number(msg), v.integer(msg), v.minValue(min, msg), v.maxValue(max, msg));
};
const bool = v.boolean('expected true or false');
/**
 * A JSON object passed through as it is. Not v.record: that silently drops "__proto__",
 * "constructor" and "prototype" keys, and a dropped key must be refused by name instead.
 */
const plainObject = (message: string) => v.custom<Record<string, unknown>>(isObject, message);
const tensor = v.unknown();

const Readout = v.strictObject({ weight: tensor, bias: tensor }, 'expected {"weight": [[…]], "bias": […]}');

/** What a saved run was trained on, so loading the file can restore it. */
const Task = v.strictObject({
  id: v.pipe(v.string('expected a task id'), v.maxLength(64, 'expected a task id')),
  options: v.optional(plainObject('expected an object')),
  seq_len: v.optional(intIn(1, FILE_LIMITS.seqLen)),
  input_symbols: v.optional(v.pipe(
    v.array(v.nullable(v.pipe(v.string('expected a string or null'), v.maxLength(16, 'expected a short string'))), 'expected a list'),
    v.maxLength(FILE_LIMITS.symbols, `expected at most ${FILE_LIMITS.symbols} symbols`),
  )),
}, 'expected an object');

const dims = {
  input_size: intIn(1, FILE_LIMITS.inputSize),
  hidden_size: intIn(1, FILE_LIMITS.hiddenSize),
  num_layers: v.optional(intIn(1, FILE_LIMITS.numLayers), 1),
  bidirectional: v.optional(bool, false),
  batch_first: v.optional(bool, false),
};

export const PytorchConfig = v.strictObject({
  ...dims,
  nonlinearity: v.optional(v.picklist(['tanh', 'relu'], 'expected "tanh" or "relu"')),
  bias: v.optional(bool, true),
  dropout: v.optional(v.pipe(v.number('expected a number in [0, 1)'), v.minValue(0, 'expected a number in [0, 1)'), v.ltValue(1, 'expected a number in [0, 1)')), 0),
  proj_size: v.optional(v.literal(0, 'LSTM projections are not supported (expected 0)'), 0),
}, 'expected an object');

const Tensors = plainObject('expected an object of nested lists');

export const PytorchFile = v.strictObject({
  format: v.literal('pytorch'),
  module: v.picklist(['RNN', 'LSTM', 'GRU'], 'unknown module; expected one of RNN, LSTM, GRU'),
  config: plainObject('expected an object'),
  state_dict: Tensors,
  readout: v.optional(Readout),
  task: v.optional(Task),
}, 'expected a JSON object');

export const AtlasConfig = v.strictObject(dims, 'expected an object');

export const AtlasFile = v.strictObject({
  format: v.literal('rnn-atlas'),
  cell: v.pipe(v.string('expected a cell id'), v.maxLength(64, 'expected a cell id')),
  cell_options: v.optional(plainObject('expected an object'), {}),
  config: AtlasConfig,
  params: Tensors,
  readout: v.optional(Readout),
  task: v.optional(Task),
}, 'expected a JSON object');

export type PytorchFileDoc = v.InferOutput<typeof PytorchFile>;
export type PytorchConfigDoc = v.InferOutput<typeof PytorchConfig>;
export type AtlasFileDoc = v.InferOutput<typeof AtlasFile>;
export type AtlasConfigDoc = v.InferOutput<typeof AtlasConfig>;
export type TaskDoc = v.InferOutput<typeof Task>;
export type ReadoutDoc = v.InferOutput<typeof Readout>;

function formatIssue(issue: v.BaseIssue<unknown>, root: string, at: string, allowed?: readonly string[]): string {
  const parts = [...(at ? [at] : []), ...(issue.path ?? []).map((p) => (typeof p.key === 'number' ? p.key : String(p.key)))];
  const key = parts.length ? parts[parts.length - 1] : undefined;
  const parent = pathOf(parts.slice(0, -1)) || root;
  if (issue.type === 'strict_object' && issue.expected === 'never' && typeof key === 'string') {
    return `${parent}: unexpected key ${quoteKey(key)}${allowed ? `; allowed: ${allowed.join(', ')}` : ''}`;
  }
  if (issue.type === 'strict_object' && issue.input === undefined && typeof key === 'string') {
    return `${parent}: missing key ${quoteKey(key)}`;
  }
  const where = pathOf(parts) || root;
  if (issue.type === 'literal' && key === 'format') return `${where}: expected "pytorch" (RNN, LSTM, GRU) or "rnn-atlas", got ${quote(issue.input)}`;
  return `${where}: ${issue.message}, got ${quote(issue.input)}`;
}

/**
 * Validates against a schema; the first problem becomes the ImportError's message. `at` is where
 * `doc` sits in the file ("config"; '' for the whole file), `root` names the whole file.
 */
export function check<S extends v.GenericSchema>(schema: S, doc: unknown, at: string, root = 'file'): v.InferOutput<S> {
  const r = v.safeParse(schema, doc, { abortEarly: true });
  if (r.success) return r.output;
  const allowed = 'entries' in schema ? Object.keys((schema as unknown as { entries: object }).entries) : undefined;
  const first = r.issues[0];
  // An unexpected key of a nested object lists that object's own keys, not the root's.
  const nested = (first.path?.length ?? 0) > 1;
  throw new ImportError(formatIssue(first, root, at, nested ? nestedAllowed(schema, first) : allowed));
}

function nestedAllowed(schema: v.GenericSchema, issue: v.BaseIssue<unknown>): string[] | undefined {
  let s: unknown = schema;
  for (const p of (issue.path ?? []).slice(0, -1)) {
    const entries = (s as { entries?: Record<string, unknown> }).entries;
    if (!entries || typeof p.key !== 'string' || !Object.hasOwn(entries, p.key)) return undefined;
    s = entries[p.key];
    while ((s as { wrapped?: unknown }).wrapped) s = (s as { wrapped: unknown }).wrapped;
  }
  const entries = (s as { entries?: Record<string, unknown> }).entries;
  return entries ? Object.keys(entries) : undefined;
}

/** The shape a nested list claims, read along its first elements (at most MAX_NESTING deep). */
export function claimedShape(x: unknown): number[] {
  const shape: number[] = [];
  while (Array.isArray(x) && shape.length <= MAX_NESTING) {
    shape.push(x.length);
    x = x[0];
  }
  return shape;
}

const fmtShape = (s: readonly number[]) => `[${s.join(', ')}]`;

/**
 * Nested list → float32 data, checking it is rectangular, of the expected shape (null: any
 * length) and that every entry is a number finite in float32 (1e39 is Infinity there). Iterative,
 * so its cost is one pass over the numbers whatever their nesting.
 */
export function readTensor(x: unknown, expected: readonly (number | null)[], where: string): TensorData {
  const got = claimedShape(x);
  const ok = got.length === expected.length && expected.every((n, i) => n === null || n === got[i]);
  if (!ok) {
    const want = expected.map((n) => (n === null ? '*' : String(n))).join(', ');
    throw new ImportError(`${where}: expected shape [${want}], got ${got.length > 8 ? `a list nested ${got.length} deep` : fmtShape(got)}`);
  }
  if (got.some((n) => n === 0)) throw new ImportError(`${where}: empty dimension in shape ${fmtShape(got)}`);
  const size = got.reduce((a, b) => a * b, 1);
  const values = new Float32Array(size);
  if (got.length === 0) {
    values[0] = scalar(x, where, []);
    return { shape: got, values };
  }
  const rank = got.length;
  // An odometer over the indices: lists[d] is the list at depth d under the current index.
  const lists: unknown[][] = [x as unknown[]];
  const idx = new Array<number>(rank).fill(0);
  for (let d = 1; d < rank; d++) lists.push(rowAt(lists[d - 1], 0, d - 1, idx, got, where));
  let k = 0;
  for (;;) {
    const row = lists[rank - 1];
    for (let i = 0; i < row.length; i++) {
      const n = row[i];
      if (typeof n === 'number' && Math.abs(n) <= FLOAT32_MAX) values[k++] = n;
      else {
        idx[rank - 1] = i;
        values[k++] = scalar(n, where, idx);
      }
    }
    // Advance the odometer from the second-to-last dimension.
    let d = rank - 2;
    while (d >= 0 && ++idx[d] >= got[d]) idx[d--] = 0;
    if (d < 0) break;
    for (let e = d + 1; e < rank; e++) lists[e] = rowAt(lists[e - 1], idx[e - 1], e - 1, idx, got, where);
  }
  return { shape: got, values };
}

function rowAt(parent: unknown[], i: number, depth: number, idx: number[], shape: number[], where: string): unknown[] {
  const node = parent[i];
  if (!Array.isArray(node) || node.length !== shape[depth + 1]) {
    const at = idx.slice(0, depth + 1).map((j, d) => (d === depth ? i : j));
    const len = Array.isArray(node) ? `a list of length ${node.length}` : quote(node);
    throw new ImportError(`${where}${at.map((j) => `[${j}]`).join('')}: ragged list, expected a list of length ${shape[depth + 1]}, got ${len}`);
  }
  return node;
}

function scalar(n: unknown, where: string, idx: readonly number[]): number {
  const at = `${where}${idx.map((j) => `[${j}]`).join('')}`;
  if (typeof n !== 'number') throw new ImportError(`${at}: expected a finite number, got ${quote(n)}`);
  if (!(Math.abs(n) <= FLOAT32_MAX)) throw new ImportError(`${at}: ${quote(n)} is not finite in float32 (|x| ≤ 3.4028235e38)`);
  return n;
}
