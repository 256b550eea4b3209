// The link schema: every field round-trips, out-of-range values clamp, garbage defaults, and each
// repair is reported. Registries are the real ones, so a renamed cell id shows up here.
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { cellMeta } from '../../src/store/catalog';
import { taskList } from '../../src/engine/tasks/registry';
import {
  URL_SCHEMA,
  defaultState,
  parseQuery,
  serializeQuery,
  type UrlRegistry,
  type UrlState,
} from '../../src/store/url';

const reg: UrlRegistry = {
  cells: cellList.map(cellMeta),
  tasks: taskList.map((t) => ({ id: t.id, options: t.options })),
};
const fixedSeed = () => 4242;
const parse = (q: string) => parseQuery(q, reg, fixedSeed);

/** A value for each field that differs from its default and lies inside its limits. */
function nonDefault(state: UrlState): UrlState {
  const s = structuredClone(state);
  const c = s.config as unknown as Record<string, unknown>;
  const u = s.ui as unknown as Record<string, unknown>;
  for (const f of URL_SCHEMA) {
    const dest = f.target === 'config' ? c : u;
    if (f.type === 'int') dest[f.field] = f.default === f.max ? f.max - 1 : Math.min(f.max, f.default + 1);
    else if (f.type === 'float') dest[f.field] = +((f.min + f.max) / 3).toPrecision(3);
    else if (f.type === 'bool') dest[f.field] = !f.default;
    else if (f.type === 'enum') dest[f.field] = f.choices.find((x) => x !== f.default);
    else if (f.type === 'registry') dest[f.field] = reg[f.registry].map((x) => x.id).find((x) => x !== f.default);
  }
  s.config.cellOptions = nonDefaultOptions(s.config.cellId);
  const task = reg.tasks.find((t) => t.id === s.config.taskId)!;
  s.config.taskOptions = Object.fromEntries((task.options ?? []).map((o) => [o.key, o.max ?? o.default]));
  return s;
}

function nonDefaultOptions(cellId: string) {
  const cell = reg.cells.find((x) => x.id === cellId)!;
  return Object.fromEntries(
    cell.options.map((o) => [
      o.key,
      o.kind === 'choice' ? o.choices!.find((x) => x !== o.default)! : o.kind === 'boolean' ? !o.default : (o.max ?? 1),
    ]),
  );
}

describe('url schema', () => {
  it('round-trips the defaults with no notices and always writes the seed', () => {
    const d = defaultState(reg, 7);
    const q = serializeQuery(d);
    expect(new URLSearchParams(q).get('seed')).toBe('7');
    const back = parse(q);
    expect(back.notices).toEqual([]);
    expect(back.state).toEqual(d);
  });

  it('round-trips a non-default value of every field', () => {
    const s = nonDefault(defaultState(reg, 99));
    // Every schema field really differs from its default, so the test covers each one.
    const d = defaultState(reg, 1);
    for (const f of URL_SCHEMA) {
      const a = (f.target === 'config' ? s.config : s.ui) as unknown as Record<string, unknown>;
      const b = (f.target === 'config' ? d.config : d.ui) as unknown as Record<string, unknown>;
      expect(a[f.field], f.key).not.toEqual(b[f.field]);
    }
    const back = parse(serializeQuery(s));
    expect(back.notices).toEqual([]);
    expect(back.state).toEqual(s);
  });

  it('round-trips the options of every cell', () => {
    for (const cell of reg.cells) {
      const s = defaultState(reg, 3);
      s.config.cellId = cell.id;
      s.config.cellOptions = nonDefaultOptions(cell.id);
      const back = parse(serializeQuery(s));
      expect(back.notices, cell.id).toEqual([]);
      expect(back.state.config.cellOptions, cell.id).toEqual(s.config.cellOptions);
    }
  });

  it('clamps out-of-range numbers to the limits and says so', () => {
    const { state, notices } = parse('hiddenSize=999&seqLen=1&learningRate=5&numLayers=-2&clipNorm=11&recurrentScale=-1');
    expect(state.config.hiddenSize).toBe(128);
    expect(state.config.seqLen).toBe(10);
    expect(state.config.learningRate).toBe(0.1);
    expect(state.config.numLayers).toBe(1);
    expect(state.config.clipNorm).toBe(10);
    expect(state.config.recurrentScale).toBe(0);
    expect(notices.map((n) => [n.key, n.reason])).toEqual([
      ['seqLen', 'clamped'],
      ['hiddenSize', 'clamped'],
      ['numLayers', 'clamped'],
      ['learningRate', 'clamped'],
      ['recurrentScale', 'clamped'],
      ['clipNorm', 'clamped'],
    ]);
    expect(notices.find((n) => n.key === 'hiddenSize')).toMatchObject({ raw: '999', value: '128' });
  });

  it('rounds integers and reports the change', () => {
    const { state, notices } = parse('hiddenSize=16.6');
    expect(state.config.hiddenSize).toBe(17);
    expect(notices).toHaveLength(1);
  });

  it('replaces garbage with defaults and says so, field by field', () => {
    const d = defaultState(reg, 4242);
    const { state, notices } = parse('hiddenSize=abc&bidirectional=maybe&lang=fr&page=home&learningRate=&seed=NaN&backend=tpu&lesson=no-such-lesson');
    expect(state.config.hiddenSize).toBe(d.config.hiddenSize);
    expect(state.config.bidirectional).toBe(d.config.bidirectional);
    expect(state.config.learningRate).toBe(d.config.learningRate);
    expect(state.ui.lang).toBe('en');
    expect(state.ui.page).toBe('playground');
    expect(state.ui.backend).toBe('auto');
    expect(state.ui.lesson).toBe(d.ui.lesson);
    expect(notices.every((n) => n.reason === 'invalid')).toBe(true);
    expect(notices.map((n) => n.key).sort()).toEqual(['backend', 'bidirectional', 'hiddenSize', 'lang', 'learningRate', 'lesson', 'page', 'seed']);
  });

  it('falls back to the default cell for an unknown id, with a notice', () => {
    const { state, notices } = parse('cell=transformer&task=sorting');
    expect(state.config.cellId).toBe('lstm');
    expect(state.config.taskId).toBe('copy');
    expect(notices).toEqual([
      { key: 'cell', raw: 'transformer', value: 'lstm', reason: 'unknown-id', message: 'cell: expected a known cell id, got transformer' },
      { key: 'task', raw: 'sorting', value: 'copy', reason: 'unknown-id', message: 'task: expected a known task id, got sorting' },
    ]);
  });

  it('reads cell options against the chosen cell: clamps numbers, rejects bad choices', () => {
    const lstm = parse('cell=lstm&opt.forgetBias=99');
    expect(lstm.state.config.cellOptions.forgetBias).toBe(5);
    expect(lstm.notices[0]).toMatchObject({ key: 'opt.forgetBias', reason: 'clamped' });

    const relu = parse('cell=rnn&opt.nonlinearity=relu');
    expect(relu.state.config.cellOptions.nonlinearity).toBe('relu');
    expect(relu.notices).toEqual([]);

    const bad = parse('cell=rnn&opt.nonlinearity=sigmoid');
    expect(bad.state.config.cellOptions.nonlinearity).toBe('tanh');
    expect(bad.notices[0]).toMatchObject({ key: 'opt.nonlinearity', reason: 'invalid' });

    // An option of another cell is unknown here.
    const other = parse('cell=gru&opt.forgetBias=1');
    expect(other.state.config.cellOptions).toEqual({});
    expect(other.notices[0]).toMatchObject({ key: 'opt.forgetBias', reason: 'unknown-param' });
  });

  it('draws a seed when the link has none, and keeps a given one', () => {
    expect(parse('').state.config.seed).toBe(4242);
    expect(parse('seed=17').state.config.seed).toBe(17);
  });

  it('notes a link from another version and unknown parameters', () => {
    const { notices } = parse('v=9&foo=1');
    expect(notices.map((n) => n.reason)).toEqual(['version', 'unknown-param']);
  });

  it('never throws on random garbage', () => {
    let a = 12345;
    const rand = () => ((a = (a * 1103515245 + 12345) >>> 0) / 2 ** 32);
    const alphabet = 'a=&%?#.;-+e0123456789_opt.cellhiddenSizeseqLen\u00e9\u4e2d ';
    for (let i = 0; i < 300; i++) {
      const q = Array.from({ length: 1 + Math.floor(rand() * 60) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      const { state } = parse(q);
      expect(reg.cells.map((c) => c.id)).toContain(state.config.cellId);
      expect(Number.isFinite(state.config.hiddenSize)).toBe(true);
    }
  });

  it('keeps the task’s own options in the link, checked against that task', () => {
    const { state, notices } = parse('task=copy&topt.symbols=5&topt.alphabet=99');
    expect(state.config.taskOptions).toEqual({ symbols: 5, alphabet: 8 });
    expect(notices).toEqual([{ key: 'topt.alphabet', raw: '99', value: '8', reason: 'clamped', range: '[2, 8]', message: 'topt.alphabet: expected an integer in [2, 8], got 99' }]);
    expect(parse(serializeQuery(state)).state.config.taskOptions).toEqual({ symbols: 5, alphabet: 8 });
    // An option of another task is not one of this task's.
    const other = parse('task=adding&topt.symbols=4');
    expect(other.state.config.taskOptions).toEqual({});
    expect(other.notices.map((n) => [n.key, n.reason])).toEqual([['topt.symbols', 'unknown-param']]);
  });
});
