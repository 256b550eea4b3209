// Weight files as a hostile user would write them: random and mutated files through the page's
// reader (parseWeightsFile) and the CLI's (parseModelFile). Every bad file is refused with an
// ImportError whose message names the key and stays short; nothing else is ever thrown; limits
// are checked before anything is built; valid files round-trip to the same float32 values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getCell } from '../../src/cells/registry';
import type { CellOptions } from '../../src/cells/types';
import type { RunConfig } from '../../src/protocol/messages';
import { READOUT_BIAS, READOUT_WEIGHT } from '../../src/engine/model';
import { parsePytorchModel } from '../../src/engine/pytorch-import';
import { layerDims, stackLayerDims, stackOutputSize, stackParams, type StackConfig } from '../../src/engine/stack';
import { getTask } from '../../src/engine/tasks/registry';
import { readWeightsRequest } from '../../src/engine/weights-load';
import { parseModelFile, parseWeightsFile, readWeightsFile, weightsFileJson } from '../../src/engine/weights-file';
import { FILE_LIMITS, ImportError, MAX_FILE_BYTES, type TensorData } from '../../src/engine/weights-schema';
import { restoreTask, taskRecord } from '../../src/engine/weights-task';
import { numLimits } from '../../src/store/url';

const MESSAGE_MAX = 300;
const CELLS = ['rnn', 'lstm', 'gru', 'clockwork', 'indrnn'] as const;
const SEQ = { min: 10, max: 200 };

interface Spec {
  config: RunConfig;
  inputSize: number;
  outputSize: number;
  values: Record<string, TensorData>;
}

const stackOf = (c: RunConfig, inputSize: number): StackConfig => ({
  cell: getCell(c.cellId), inputSize, hiddenSize: c.hiddenSize, numLayers: c.numLayers, bidirectional: c.bidirectional, seqLen: 1, options: c.cellOptions,
});

/** A small random model with random float32 values (no −0: JSON writes it as 0). */
const specArb: fc.Arbitrary<Spec> = fc.record({
  cellId: fc.constantFrom(...CELLS),
  hiddenSize: fc.integer({ min: 1, max: 4 }),
  numLayers: fc.integer({ min: 1, max: 2 }),
  bidirectional: fc.boolean(),
  inputSize: fc.integer({ min: 1, max: 3 }),
  outputSize: fc.integer({ min: 1, max: 3 }),
  seed: fc.integer({ min: 0, max: 1e6 }),
}).map(({ cellId, hiddenSize, numLayers, bidirectional, inputSize, outputSize, seed }) => {
  const cellOptions: CellOptions = cellId === 'rnn' ? { nonlinearity: seed % 2 ? 'relu' : 'tanh' } : cellId === 'clockwork' ? { modules: 1, periodBase: 2 } : {};
  const config: RunConfig = {
    cellId, cellOptions, taskId: 'adding', seqLen: 10, hiddenSize, numLayers, bidirectional,
    learningRate: 0.01, batchSize: 2, recurrentScale: 0, clipNorm: 1, seed: 1,
  };
  const stack = stackOf(config, inputSize);
  let s = seed;
  // A tiny LCG spread over float32's whole range, exponents included.
  const next = () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const v = Math.fround(((s / 2 ** 31) * 2 - 1) * 10 ** ((s % 77) - 38));
    return v === 0 ? 0 : v;
  };
  const values: Record<string, TensorData> = {};
  for (const p of stackParams(stack)) values[p.name] = { shape: [...p.spec.shape], values: Float32Array.from({ length: p.spec.shape.reduce((a, b) => a * b, 1) }, next) };
  const fanIn = stackOutputSize(stack);
  values[READOUT_WEIGHT] = { shape: [outputSize, fanIn], values: Float32Array.from({ length: outputSize * fanIn }, next) };
  values[READOUT_BIAS] = { shape: [outputSize], values: Float32Array.from({ length: outputSize }, next) };
  return { config, inputSize, outputSize, values };
});

const docOf = (s: Spec) => weightsFileJson(s.config, s.inputSize, s.values) as Record<string, any>;
const tensorsKey = (doc: Record<string, any>) => (doc.format === 'pytorch' ? 'state_dict' : 'params');

/** Runs a reader and returns its ImportError; fails the test on anything else. */
function refusal(read: () => unknown): ImportError {
  try {
    read();
  } catch (e) {
    expect(e, String(e)).toBeInstanceOf(ImportError);
    const m = (e as ImportError).message;
    expect(m.length, m.slice(0, 400)).toBeLessThanOrEqual(MESSAGE_MAX);
    return e as ImportError;
  }
  throw new Error('the file was accepted');
}

const pageRead = (s: Pick<Spec, 'inputSize' | 'outputSize'>) => (text: string) => parseWeightsFile(text, { inputSize: s.inputSize, outputSize: s.outputSize });

describe('weight files: valid files round-trip', () => {
  it('save → load gives the same shape and the same float32 values, readout included (page and CLI readers)', () => {
    fc.assert(fc.property(specArb, (s) => {
      const text = JSON.stringify(docOf(s));
      const f = pageRead(s)(text);
      expect(f.shape).toMatchObject({ cellId: s.config.cellId, hiddenSize: s.config.hiddenSize, numLayers: s.config.numLayers, bidirectional: s.config.bidirectional });
      expect(Object.keys(f.values).sort()).toEqual(Object.keys(s.values).sort());
      for (const [k, d] of Object.entries(s.values)) {
        expect(f.values[k].shape, k).toEqual(d.shape);
        expect(Array.from(f.values[k].values), k).toEqual(Array.from(d.values));
      }
      const m = parseModelFile(text);
      expect(m.config.numLayers).toBe(s.config.numLayers);
      for (const [k, d] of m.values) expect(Array.from(d.values), k).toEqual(Array.from(s.values[k].values));
    }), { numRuns: 60, seed: 13 });
  });

  it('a saved task comes back and is restored: id, options, sequence length, input symbols', () => {
    for (const [id, options, seqLen] of [['copy', { symbols: 3, alphabet: 5 }, 20], ['chars', { corpus: 'zh' }, 40], ['adding', {}, 50]] as const) {
      const task = getTask(id, options);
      const record = taskRecord(id, options, seqLen);
      const spec = fc.sample(specArb, { numRuns: 1, seed: 5 })[0];
      const cfg = { ...spec.config, cellId: 'gru', cellOptions: {} };
      const values = Object.fromEntries(Object.entries(docOfValues(cfg, task.inputSize, task.outputSize)));
      const text = JSON.stringify(weightsFileJson(cfg, task.inputSize, values, record));
      const parsed = readWeightsFile(text);
      expect(parsed.task).toEqual({ id, options, seqLen, inputSymbols: record.input_symbols });
      if (id === 'chars') expect(record.input_symbols!.length).toBe(task.inputSize);
      if (id === 'copy') expect(record.input_symbols).toEqual(['a', 'b', 'c', 'd', 'e', '_', ':']);
      if (id === 'adding') expect(record.input_symbols).toBeUndefined();
      const r = restoreTask(parsed.task!, SEQ);
      expect(r).toMatchObject({ ok: true, taskId: id, seqLen, inputSize: task.inputSize, outputSize: task.outputSize });
    }
  });

  it('a task this app cannot run the same way is not restored, and says why', () => {
    const rec = taskRecord('copy', { symbols: 3, alphabet: 5 }, 20);
    const base = { id: rec.id, options: rec.options, seqLen: rec.seq_len, inputSymbols: rec.input_symbols };
    expect(restoreTask({ ...base, id: '__proto__' }, SEQ)).toEqual({ ok: false, why: 'the file’s task "__proto__" is not one of this app’s' });
    expect(restoreTask({ ...base, seqLen: 5000 }, SEQ)).toMatchObject({ ok: false, why: expect.stringMatching(/seq_len 5000 is outside the page’s range \[10, 200\]/) });
    expect(restoreTask({ ...base, options: { alphabet: 99 } }, SEQ)).toMatchObject({ ok: false, why: expect.stringMatching(/task.options.alphabet: 99/) });
    expect(restoreTask({ ...base, options: { constructor: 1 } }, SEQ)).toMatchObject({ ok: false, why: expect.stringMatching(/no option "constructor"/) });
    const other = [...rec.input_symbols!];
    other[0] = 'z';
    expect(restoreTask({ ...base, inputSymbols: other }, SEQ)).toMatchObject({ ok: false, why: expect.stringMatching(/input symbols differ.*input 0 is "z" in the file, "a" here/) });
  });
});

function docOfValues(config: RunConfig, inputSize: number, outputSize: number): Record<string, TensorData> {
  const stack = stackOf(config, inputSize);
  const values: Record<string, TensorData> = {};
  for (const p of stackParams(stack)) values[p.name] = { shape: [...p.spec.shape], values: new Float32Array(p.spec.shape.reduce((a, b) => a * b, 1)).fill(0.25) };
  values[READOUT_WEIGHT] = { shape: [outputSize, stackOutputSize(stack)], values: new Float32Array(outputSize * stackOutputSize(stack)) };
  values[READOUT_BIAS] = { shape: [outputSize], values: new Float32Array(outputSize) };
  return values;
}

/** A mutation and the key its message must name. */
type Mutation = (doc: Record<string, any>, pick: number) => string;

const hostileKeys = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const badNumbers: unknown[] = ['0.5', null, true, [], {}, [1, 2], 1e39, -1e39, 'x'.repeat(10_000)];

const leafPath = (t: unknown, pick: number): number[] => {
  const path: number[] = [];
  while (Array.isArray(t)) {
    const i = pick % t.length;
    path.push(i);
    t = t[i];
    pick = Math.floor(pick / 7) + 3;
  }
  return path;
};

const mutations: [string, Mutation][] = [
  ['a missing tensor', (doc, pick) => {
    const sd = doc[tensorsKey(doc)];
    const k = Object.keys(sd)[pick % Object.keys(sd).length];
    delete sd[k];
    return k;
  }],
  ['an extra tensor, hostile names included', (doc, pick) => {
    const k = pick % 2 ? hostileKeys[pick % hostileKeys.length] : `weight_zz_l${pick % 9}`;
    Object.defineProperty(doc[tensorsKey(doc)], k, { value: [[1]], enumerable: true });
    return k;
  }],
  ['a wrong shape', (doc, pick) => {
    const sd = doc[tensorsKey(doc)];
    const k = Object.keys(sd)[pick % Object.keys(sd).length];
    const t = sd[k];
    sd[k] = pick % 2 ? [t] : Array.isArray(t[0]) ? t.map((r: unknown[]) => [...r, 0]) : [...t, 0];
    return k;
  }],
  ['a bad number (string, null, list, 1e39 …)', (doc, pick) => {
    const sd = doc[tensorsKey(doc)];
    const k = Object.keys(sd)[pick % Object.keys(sd).length];
    const path = leafPath(sd[k], pick);
    let node = sd[k];
    for (const i of path.slice(0, -1)) node = node[i];
    const bad = badNumbers[pick % badNumbers.length];
    node[path[path.length - 1]] = bad;
    // A list or object where a number goes changes the shape the tensor claims: named by tensor.
    return typeof bad === 'object' && bad !== null ? k : `${k}${path.map((i) => `[${i}]`).join('')}`;
  }],
  ['a config field of any JSON value', (doc, pick) => {
    const k = ['input_size', 'hidden_size', 'num_layers', 'bidirectional'][pick % 4];
    doc.config[k] = [1e6, 0, -3, 2.5, 'seven', null, 1e300, [1, 2, 3], { a: 1 }, 'x'.repeat(50_000)][pick % 10];
    return k;
  }],
  ['an unknown module or cell, hostile names included', (doc, pick) => {
    const name = [...hostileKeys, 'Transformer', 'x'.repeat(100_000)][pick % 7];
    if (doc.format === 'pytorch') doc.module = name;
    else doc.cell = name;
    return doc.format === 'pytorch' ? 'module' : 'cell';
  }],
  ['a hostile key at the top or in config', (doc, pick) => {
    const k = hostileKeys[pick % hostileKeys.length];
    Object.defineProperty(pick % 2 ? doc : doc.config, k, { value: { polluted: true }, enumerable: true });
    return k;
  }],
  ['a readout of the wrong width', (doc) => {
    doc.readout.weight = doc.readout.weight.map((r: number[]) => [...r, 1]);
    return 'readout.weight';
  }],
];

describe('weight files: mutated files are refused by key, briefly, with nothing but an ImportError', () => {
  for (const [what, mutate] of mutations) {
    it(what, () => {
      fc.assert(fc.property(specArb, fc.nat(), (s, pick) => {
        const doc = docOf(s);
        const key = mutate(doc, pick);
        const text = JSON.stringify(doc);
        const named = key.length > 40 ? key.slice(0, 40) : key;
        const page = refusal(() => pageRead(s)(text));
        expect(page.message, page.message).toContain(named);
        // The CLI runs the recurrent stack alone: it checks a readout's form, not its width.
        if (!key.startsWith('readout')) expect(refusal(() => parseModelFile(text)).message).toContain(named);
        expect(Object.prototype).not.toHaveProperty('polluted');
      }), { numRuns: 40, seed: 7 });
    });
  }

  it('random JSON of any shape is refused with an ImportError, never anything else', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (v) => {
      refusal(() => parseWeightsFile(JSON.stringify(v) ?? 'null', { inputSize: 2, outputSize: 1 }));
      refusal(() => parseModelFile(JSON.stringify(v) ?? 'null'));
    }), { numRuns: 300, seed: 3 });
  });

  it('random text is refused as bad JSON, briefly', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (t) => {
      let ok = true;
      try { JSON.parse(t); } catch { ok = false; }
      fc.pre(!ok);
      expect(refusal(() => parseWeightsFile(t, { inputSize: 2, outputSize: 1 })).message).toMatch(/^weights file: bad JSON/);
    }), { numRuns: 200, seed: 4 });
  });
});

describe('weight files: the hostile cases of issue 13', () => {
  const gru = () => docOf(fc.sample(specArb.filter((s) => s.config.cellId === 'gru'), { numRuns: 1, seed: 11 })[0]);
  const task = { inputSize: 1, outputSize: 1 };

  it('the limits admit every model the page can train: the largest task input, hidden size and depth', () => {
    const chars = getTask('chars', { corpus: 'zh', vocab: 1200 });
    expect(chars.inputSize).toBeLessThanOrEqual(FILE_LIMITS.inputSize);
    expect(numLimits('hiddenSize').max).toBeLessThanOrEqual(FILE_LIMITS.hiddenSize);
    expect(numLimits('numLayers').max).toBeLessThanOrEqual(FILE_LIMITS.numLayers);
    expect(numLimits('seqLen').max).toBeLessThanOrEqual(FILE_LIMITS.seqLen);
  });

  it('layer sizes come from one pass: layer k reads what layer k − 1 emits, times the directions', () => {
    const cfg: StackConfig = { cell: getCell('gru'), inputSize: 3, hiddenSize: 5, numLayers: FILE_LIMITS.numLayers, bidirectional: true, seqLen: 1, options: {} };
    const all = stackLayerDims(cfg);
    expect(all.map((d) => d.inputSize)).toEqual([3, ...Array(FILE_LIMITS.numLayers - 1).fill(10)]);
    all.forEach((d, k) => expect(layerDims(cfg, k)).toEqual(d));
    expect(stackParams(cfg)).toHaveLength(FILE_LIMITS.numLayers * 2 * 4);
  });

  it('a 2 KB file with num_layers 1,000,000 is refused at once, before any model is built', () => {
    const doc = { format: 'pytorch', module: 'LSTM', config: { input_size: 1, hidden_size: 4, num_layers: 1_000_000 }, state_dict: { weight_ih_l0: [Array(250).fill(0.125)] } };
    const text = JSON.stringify(doc);
    expect(text.length).toBeGreaterThan(1500);
    expect(text.length).toBeLessThan(2100);
    expect(refusal(() => pageRead(task)(text)).message).toBe(`config.num_layers: expected an integer in [1, ${FILE_LIMITS.numLayers}], got 1000000`);
    expect(refusal(() => parseWeightsFile(text, task, { hiddenSize: 128, numLayers: 3 })).message).toBe('config.num_layers: expected an integer in [1, 3] (the page’s largest model), got 1000000');
    expect(refusal(() => parseModelFile(text)).message).toBe(`config.num_layers: expected an integer in [1, ${FILE_LIMITS.numLayers}], got 1000000`);
    expect(refusal(() => parsePytorchModel({ ...doc, config: { input_size: 1, hidden_size: 1e6 } })).message).toBe('config.hidden_size: expected an integer in [1, 512], got 1000000');
  });

  it('1e39 (finite in JSON, Infinity in float32) is refused by key and index', () => {
    const doc = gru();
    doc.state_dict.weight_hh_l0[0][0] = 1e39;
    expect(refusal(() => parseModelFile(JSON.stringify(doc))).message).toBe('state_dict.weight_hh_l0[0][0]: 1e+39 is not finite in float32 (|x| ≤ 3.4028235e38)');
    doc.state_dict.weight_hh_l0[0][0] = 3.4028234663852886e38;
    expect(parseModelFile(JSON.stringify(doc)).values.get('weight_hh_l0')!.values[0]).toBe(3.4028234663852886e38);
  });

  it('module "__proto__" and cell "__proto__" are unknown names, not Object.prototype', () => {
    const doc = gru();
    expect(refusal(() => parseModelFile(JSON.stringify({ ...doc, module: '__proto__' }))).message).toBe('module: unknown module; expected one of RNN, LSTM, GRU, got "__proto__"');
    const atlas = { format: 'rnn-atlas', cell: '__proto__', config: { input_size: 1, hidden_size: 2 }, params: {} };
    expect(refusal(() => parseModelFile(JSON.stringify(atlas))).message).toBe('cell: unknown cell "__proto__"');
    expect(refusal(() => parseModelFile('{"format":"rnn-atlas","cell":"rnn","__proto__":{"x":1},"config":{"input_size":1,"hidden_size":2},"params":{}}')).message)
      .toMatch(/^weights file: unexpected key "__proto__"; allowed: format, cell, cell_options, config, params, readout, task$/);
  });

  it('a 10 MB string and a 1M-element list are quoted in at most 200 characters', () => {
    const doc = gru();
    const big = 'é'.repeat(10 * 2 ** 20);
    expect(refusal(() => parseModelFile(JSON.stringify({ ...doc, module: big }))).message).toMatch(/^module: unknown module; expected one of RNN, LSTM, GRU, got "é{200}…/);
    const list = new Array(1_000_000).fill(1);
    expect(refusal(() => parseModelFile(JSON.stringify({ ...doc, config: { ...doc.config, hidden_size: list } }))).message)
      .toBe('config.hidden_size: expected an integer in [1, 512], got a list of 1000000 items');
    doc.state_dict.bias_hh_l0[0] = big;
    expect(refusal(() => parseModelFile(JSON.stringify(doc))).message).toMatch(/^state_dict.bias_hh_l0\[0\]: expected a finite number, got "é{200}…/);
    expect(refusal(() => parseModelFile(JSON.stringify({ [big]: 1 }))).message.length).toBeLessThan(MESSAGE_MAX);
  });

  it('nesting 10,000 deep is refused by key path before JSON.parse, without a stack overflow', () => {
    const deep = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;
    const text = `{"format":"pytorch","module":"GRU","config":{"input_size":1,"hidden_size":1},"state_dict":{"weight_ih_l0":${deep}}}`;
    expect(refusal(() => parseModelFile(text)).message).toBe(`state_dict.weight_ih_l0${'[0]'.repeat(30)}: nested more than 32 levels deep (a weight file nests at most 5)`);
    // Brackets inside strings do not count; a key with quotes and brackets is read as a key.
    const tricky = JSON.stringify({ format: 'pytorch', module: 'GRU', config: { input_size: 1, hidden_size: 1 }, state_dict: { 'we"[[ird': '[[[[['.repeat(20) } });
    expect(refusal(() => parseModelFile(tricky)).message).toMatch(/^state_dict: /);
  });

  it('a 50 MB file is read and refused by key; a file over 96 MB is refused by size before parsing', async () => {
    const row = Array.from({ length: 500 }, (_, i) => (i / 497).toFixed(15)).join(',');
    const rows = Math.ceil((50 * 2 ** 20) / row.length);
    const text = `{"format":"pytorch","module":"GRU","config":{"input_size":500,"hidden_size":4},"state_dict":{"weight_hh_l0":${JSON.stringify(Array(12).fill([0, 0, 0, 0]))},"bias_ih_l0":${JSON.stringify(Array(12).fill(0))},"bias_hh_l0":${JSON.stringify(Array(12).fill(0))},"weight_ih_l0":[${Array(rows).fill(`[${row}]`).join(',')}]}}`;
    expect(text.length).toBeGreaterThan(50 * 2 ** 20);
    expect(refusal(() => parseModelFile(text)).message).toBe(`state_dict.weight_ih_l0: expected shape [12, 500], got [${rows}, 500]`);
    const huge = ' '.repeat(MAX_FILE_BYTES + 1);
    expect(refusal(() => parseModelFile(huge)).message).toMatch(/^model: the text is 96.0 MB, over the 96 MB limit/);
    const reply = await readWeightsRequest({
      file: new Blob([huge]), limits: { hiddenSize: 128, numLayers: 3 }, seqLimits: SEQ, current: { inputSize: 1, outputSize: 1, name: 'adding' },
    });
    expect(reply).toEqual({ ok: false, message: 'the file is 96.0 MB, over the 96 MB limit (the largest file the app saves is about 46 MB)' });
  });
});

describe('weight files: PyTorch as users save it', () => {
  const lstm = () => docOf(fc.sample(specArb.filter((s) => s.config.cellId === 'lstm' && s.config.numLayers === 2), { numRuns: 1, seed: 21 })[0]);

  it('a bare state_dict is read, its config off its shapes, with a note', () => {
    const doc = lstm();
    const m = parseModelFile(JSON.stringify(doc.state_dict));
    expect(m.module).toBe('LSTM');
    expect([m.config.inputSize, m.config.hiddenSize, m.config.numLayers, m.config.bidirectional]).toEqual([doc.config.input_size, doc.config.hidden_size, 2, doc.config.bidirectional]);
    expect(m.notes.join(' ')).toMatch(/a bare state_dict: read as nn.LSTM\(input_size=\d, hidden_size=\d, num_layers=2/);
    for (const [k, d] of m.values) expect(Array.from(d.values)).toEqual(doc.state_dict[k].flat());
  });

  it('a wrapper module’s state_dict is read past its prefix, with a note; other modules’ keys are left out by name', () => {
    const doc = lstm();
    const wrapped = Object.fromEntries(Object.entries(doc.state_dict).map(([k, v]) => [`encoder.rnn.${k}`, v]));
    const m = parseModelFile(JSON.stringify({ ...doc, state_dict: { ...wrapped, 'head.weight': [[1]], 'head.bias': [0] } }));
    expect(m.values.size).toBe(Object.keys(doc.state_dict).length);
    expect(m.notes.join(' ')).toMatch(/every recurrent key starts with "encoder.rnn." \(a wrapper module’s state_dict\): read without that prefix/);
    expect(m.notes.join(' ')).toMatch(/left out 2 key\(s\) of other modules: "head.weight", "head.bias"/);
    const bare = parseModelFile(JSON.stringify(wrapped));
    expect(bare.module).toBe('LSTM');
    const two = { ...wrapped, ...Object.fromEntries(Object.entries(doc.state_dict).map(([k, v]) => [`decoder.${k}`, v])) };
    expect(refusal(() => parseModelFile(JSON.stringify(two))).message).toMatch(/^state_dict: keys of 2 recurrent modules \(prefixes "encoder.rnn.", "decoder."\): keep one/);
  });

  it('batch_first is recorded (batchFirst), dropout is noted as eval()', () => {
    const doc = lstm();
    const m = parseModelFile(JSON.stringify({ ...doc, config: { ...doc.config, batch_first: true, dropout: 0.25 } }));
    expect(m.batchFirst).toBe(true);
    expect(m.notes).toContain('dropout=0.25 in the file: the app runs the model as in eval(), without dropout');
    expect(parseModelFile(JSON.stringify(doc)).batchFirst).toBe(false);
    expect(refusal(() => parseModelFile(JSON.stringify({ ...doc, config: { ...doc.config, dropout: 1 } }))).message).toBe('config.dropout: expected a number in [0, 1), got 1');
  });
});
