// The link schema: every field round-trips, out-of-range values clamp, garbage defaults, and each
// repair is reported. Registries are the real ones, so a renamed cell id shows up here.
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { cellMeta } from '../../src/store/catalog';
import { taskList } from '../../src/engine/tasks/registry';
import {
  URL_SCHEMA,
  defaultState,
  numLimits,
  parseQuery,
  sanitizeQuery,
  serializeQuery,
  type NoticeReason,
  type UrlRegistry,
  type UrlState,
} from '../../src/store/url';
import { LESSONS } from '../../src/lessons/registry';
import { translate } from '../../src/i18n';
import { LOWER_LIMITS } from '../../src/engine/workload';

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

// Defects found by trying links as a hostile user would (issue 13, item 5); each failed before the fix.
describe('url: repairs that say what they did', () => {
  it('a key given twice: the last one counts, and a notice says so', () => {
    const { state, notices } = parse('hiddenSize=16&seed=3&hiddenSize=64');
    expect(state.config.hiddenSize).toBe(64);
    expect(notices).toEqual([
      { key: 'hiddenSize', raw: '64', value: '64', reason: 'repeated', message: 'hiddenSize: given 2 times; the last one counts, got 64' },
    ]);
    // The last one is still checked like any value.
    const bad = parse('hiddenSize=16&hiddenSize=999');
    expect(bad.state.config.hiddenSize).toBe(128);
    expect(bad.notices.map((n) => n.reason).sort()).toEqual(['clamped', 'repeated']);
  });

  it('a lesson step past the lesson’s last step is brought back to the last, with a notice', () => {
    const lesson = LESSONS[0];
    const last = lesson.steps.length - 1;
    expect(last).toBeLessThan(49);
    const { state, notices } = parse(`page=lesson&lesson=${lesson.id}&lstep=49`);
    expect(state.ui.lessonStep).toBe(last);
    expect(notices).toEqual([{
      key: 'lstep', raw: '49', value: String(last), reason: 'clamped', range: `[0, ${last}]`,
      message: `lstep: expected an integer in [0, ${last}] (lesson ${lesson.id} has ${last + 1} steps), got 49`,
    }]);
    // Beyond the field's own bound too: one notice, the lesson's.
    const far = parse(`lesson=${lesson.id}&lstep=1000`);
    expect(far.state.ui.lessonStep).toBe(last);
    expect(far.notices.map((n) => [n.key, n.range])).toEqual([['lstep', `[0, ${last}]`]]);
    // The last step itself is fine.
    expect(parse(`lesson=${lesson.id}&lstep=${last}`).notices).toEqual([]);
  });

  it('a fraction in an integer field is “not a whole number”, not “out of range”', () => {
    const { state, notices } = parse('hiddenSize=64.4');
    expect(state.config.hiddenSize).toBe(64);
    expect(notices).toEqual([{ key: 'hiddenSize', raw: '64.4', value: '64', reason: 'not-integer', message: 'hiddenSize: expected an integer in [4, 128], got 64.4' }]);
    expect(translate('en', 'notice.not-integer', { ...notices[0] })).toBe('“hiddenSize=64.4” is not a whole number; using 64.');
    expect(translate('zh', 'notice.not-integer', { ...notices[0] })).toBe('“hiddenSize=64.4” 不是整数，已改用 64。');
    // Out of range says the range.
    const out = parse('hiddenSize=1e6').notices[0];
    expect(out.message).toBe('hiddenSize: expected an integer in [4, 128], got 1e6');
    expect(translate('en', 'notice.clamped', { ...out, range: out.range! })).toBe('“hiddenSize=1e6” is out of range [4, 128]; using 128.');
  });

  it('quotes at most ~200 characters of a long value or key', () => {
    const long = 'x'.repeat(10_000);
    const { notices } = parse(`seqLen=${'9'.repeat(10_000)}&lang=${long}&${long}=1`);
    expect(notices.map((n) => n.key.slice(0, 8))).toEqual(['lang', 'seqLen', 'xxxxxxxx']);
    for (const n of notices) {
      for (const text of [n.key, n.raw, n.value, n.message ?? '']) expect(text.length).toBeLessThan(300);
    }
    expect(notices[0].raw).toBe(`${'x'.repeat(200)}… (10000 characters)`);
  });

  it('thousands of unknown keys make one line that counts them and names a few', () => {
    const q = Array.from({ length: 5000 }, (_, i) => `junk${i}=1`).join('&');
    const { notices } = parse(`hiddenSize=64&${q}`);
    expect(notices).toEqual([{ key: '“junk0”, “junk1”, “junk2”, …', raw: '', value: '5000', reason: 'unknown-params' }]);
    expect(translate('en', 'notice.unknown-params', { ...notices[0] })).toBe('Ignored 5000 unknown settings: “junk0”, “junk1”, “junk2”, …');
    // A few are still listed one by one.
    expect(parse('a=1&b=2').notices.map((n) => [n.key, n.reason])).toEqual([['a', 'unknown-param'], ['b', 'unknown-param']]);
  });

  it('thousands of broken parts make one line too', () => {
    const q = Array.from({ length: 5000 }, (_, i) => `k${i}=%E0`).join('&');
    const { search, notices } = sanitizeQuery(`?seed=2&${q}&tfjsflags=a&tfjsflags=b`);
    expect(search).toBe('?seed=2');
    expect(notices).toEqual([
      { key: '“k0”, “k1”, “k2”, …', raw: '', value: '5000', reason: 'malformed-many' },
      { key: 'tfjsflags', raw: 'a', value: '', reason: 'debug-flags' },
    ]);
  });

  it('a widget without embed=1 is ignored with a notice (the writer would drop it)', () => {
    const { state, notices } = parse('widget=loss');
    expect(state.ui.widget).toBe('');
    expect(notices.map((n) => [n.key, n.reason])).toEqual([['widget', 'embed-only']]);
    expect(parse('embed=1&widget=loss').state.ui.widget).toBe('loss');
  });

  it('the budget’s suggestions stop at the link’s own lower limits', () => {
    for (const [field, min] of Object.entries(LOWER_LIMITS)) expect(numLimits(field as keyof typeof LOWER_LIMITS).min, field).toBe(min);
  });

  it('every notice reason has a text in both languages that fills all its blanks', () => {
    const reasons = ['invalid', 'clamped', 'not-integer', 'unknown-id', 'unknown-param', 'unknown-params', 'repeated', 'embed-only', 'version', 'malformed', 'malformed-many', 'debug-flags', 'migrated', 'migrated-approx'] as const satisfies readonly NoticeReason[];
    for (const lang of ['en', 'zh'] as const) {
      for (const r of reasons) {
        const text = translate(lang, `notice.${r}`, { key: 'k', raw: 'r', value: 'v', range: '[0, 1]' });
        expect(text, `${lang} ${r}`).not.toMatch(/\{\w+\}/);
        if (lang === 'zh') expect(text, r).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});
