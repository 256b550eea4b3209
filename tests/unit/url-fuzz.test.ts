// Property-based tests of the link parser (issue 13, item 5): random strings and random soups of
// key=value pairs never make it throw, every field it returns lies within the schema's limits (so no
// link builds a model the budget has not judged), anything invalid is repaired field by field with
// a notice naming the field, and random valid states round-trip exactly. Seeded, so a failure
// reproduces; fast-check prints the seed and the shrunk counterexample.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as v from 'valibot';
import { cellList } from '../../src/cells/registry';
import type { OptionSpec, OptionValue } from '../../src/cells/types';
import { cellMeta } from '../../src/store/catalog';
import { taskList } from '../../src/engine/tasks/registry';
import { getLesson, LESSONS } from '../../src/lessons/registry';
import { LinkStateSchema, URL_SCHEMA, EMBED_WIDGETS, type Field } from '../../src/store/link-schema';
import { parseQuery, sanitizeQuery, serializeQuery, type ParseResult, type UrlRegistry, type UrlState } from '../../src/store/url';
import { BudgetExceeded, checkBudget, workloadInputOf } from '../../src/engine/budget';
import { estimateWorkload, workloadLevel } from '../../src/engine/workload';

const reg: UrlRegistry = {
  cells: cellList.map(cellMeta),
  tasks: taskList.map((t) => ({ id: t.id, options: t.options ?? [] })),
};
const cellIds = reg.cells.map((c) => c.id);
const taskIds = reg.tasks.map((t) => t.id);
const optionsOf = (kind: 'cells' | 'tasks', id: string): OptionSpec[] => reg[kind].find((x) => x.id === id)?.options ?? [];
const SEED = 20261130;
const parse = (q: string, r: UrlRegistry = reg): ParseResult => parseQuery(q, r, () => 4242);

// ---------- what a valid value is, read from the schema table and the option declarations ----------

const BOOL_WORDS = ['1', 'true', 'yes', 'on', '0', 'false', 'no', 'off'];

function numberOk(raw: string, type: 'int' | 'float', min: number, max: number): boolean {
  const t = raw.trim();
  const n = t === '' ? NaN : Number(t);
  return Number.isFinite(n) && (type === 'float' || Number.isInteger(n)) && n >= min && n <= max;
}

function fieldOk(f: Field, raw: string, state: UrlState): boolean {
  switch (f.type) {
    case 'int':
    case 'float': {
      const max = f.field === 'lessonStep' ? getLesson(state.ui.lesson).steps.length - 1 : f.max;
      return numberOk(raw, f.type, f.min, max);
    }
    case 'bool':
      return BOOL_WORDS.includes(raw.trim().toLowerCase());
    case 'enum':
      return f.choices.includes(raw);
    case 'registry':
      return (f.registry === 'cells' ? cellIds : taskIds).includes(raw);
  }
}

function optionOk(o: OptionSpec, raw: string): boolean {
  if (o.kind === 'boolean') return BOOL_WORDS.includes(raw.trim().toLowerCase());
  if (o.kind === 'choice') return (o.choices ?? []).includes(raw);
  return numberOk(raw, o.kind === 'integer' ? 'int' : 'float', o.min!, o.max!);
}

function optionValueOk(o: OptionSpec, x: OptionValue | undefined): boolean {
  if (o.kind === 'boolean') return typeof x === 'boolean';
  if (o.kind === 'choice') return typeof x === 'string' && (o.choices ?? []).includes(x);
  return typeof x === 'number' && Number.isFinite(x) && x >= o.min! && x <= o.max! && (o.kind === 'number' || Number.isInteger(x));
}

/** Every field of a parsed state within the schema's limits, ids known, options valid for their cell and task. */
function expectValidState(s: UrlState, r: UrlRegistry = reg): void {
  const checked = v.safeParse(LinkStateSchema, s);
  expect(checked.success, checked.issues?.map((i) => `${v.getDotPath(i)}: ${i.message}`).join('; ')).toBe(true);
  expect(s.ui.lessonStep).toBeLessThan(getLesson(s.ui.lesson).steps.length);
  if (!s.ui.embed) expect(s.ui.widget).toBe('');
  if (!r.cells.length) return;
  expect(cellIds).toContain(s.config.cellId);
  expect(taskIds).toContain(s.config.taskId);
  for (const id of s.ui.compare) expect(cellIds).toContain(id);
  for (const [kind, id, values] of [['cells', s.config.cellId, s.config.cellOptions], ['tasks', s.config.taskId, s.config.taskOptions ?? {}]] as const) {
    const specs = optionsOf(kind, id);
    expect(Object.keys(values).sort()).toEqual(specs.map((o) => o.key).sort());
    for (const o of specs) expect(optionValueOk(o, values[o.key]), `${id} ${o.key}=${String(values[o.key])}`).toBe(true);
  }
}

/** The budget sees finite numbers (NaN would slip past its comparisons), and refuses what it rates above the line. */
function expectBudgetJudges(s: UrlState): void {
  const w = estimateWorkload(workloadInputOf(s.config));
  expect(Number.isFinite(w.bytes) && Number.isFinite(w.ms)).toBe(true);
  const refused = (() => {
    try {
      checkBudget(s.config);
      return false;
    } catch (e) {
      expect(e).toBeInstanceOf(BudgetExceeded);
      return true;
    }
  })();
  expect(refused).toBe(workloadLevel(w) === 'refuse');
}

// ---------- random links ----------

const nasty = fc.oneof(
  fc.constantFrom('', ' ', 'NaN', 'Infinity', '-Infinity', '-0', '0', '1e39', '-1e39', '1e-39', '1e6', '64.4', '0x10', '1_0', '+3', '.5', '5.', 'true', 'yes', 'off', 'null', 'undefined', '__proto__', 'constructor', '%', '%E0', '%ZZ', '💥', '中文', 'a'.repeat(600)),
  fc.double().map(String),
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(...cellIds, ...taskIds, ...LESSONS.map((l) => l.id), ...EMBED_WIDGETS, 'all', 'candidate', 'zh', 'lesson', 'gallery'),
  fc.uniqueArray(fc.constantFrom(...cellIds, 'nope', ''), { maxLength: 5 }).map((ids) => ids.join(',')),
);

const keys = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...URL_SCHEMA.map((f) => f.key), 'compare', 'embed', 'widget') },
  { weight: 3, arbitrary: fc.constantFrom(...new Set([...reg.cells.flatMap((c) => c.options.map((o) => `opt.${o.key}`)), ...reg.tasks.flatMap((t) => (t.options ?? []).map((o) => `topt.${o.key}`))])) },
  // Not `v`: a version key rewrites fields before they are read (url-migrate.test.ts covers that).
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).filter((k) => k !== 'v') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }).filter((k) => k !== 'v') },
);

/** A query of pairs, each key and value percent-encoded (or not), keys often repeated. */
const soup = fc.array(fc.tuple(keys, nasty, fc.boolean()), { maxLength: 24 }).map((pairs) =>
  pairs.map(([k, val, encode]) => (encode ? `${encodeURIComponent(k)}=${encodeURIComponent(val)}` : `${k}=${val}`)).join('&'),
);

describe('link parser under random input', () => {
  it('never throws on random strings, and returns a state within the schema', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), fc.webQueryParameters()), (q) => {
        for (const search of [q, `?${q}`, sanitizeQuery(q).search]) {
          const { state, notices } = parse(search);
          expectValidState(state);
          for (const n of notices) expect(n.raw.length + n.key.length).toBeLessThan(600);
        }
        // The boot pass, before the registries load, too.
        expectValidState(parse(q, { cells: [], tasks: [] }).state, { cells: [], tasks: [] });
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it('repairs a soup of pairs field by field: valid values kept, each invalid one replaced and named in a notice', () => {
    fc.assert(
      fc.property(soup, (q) => {
        const { state, notices } = parse(q);
        expectValidState(state);
        const params = new URLSearchParams(q);
        const last = new Map<string, string>();
        for (const [k, val] of params) last.set(k, val);
        const named = new Set(notices.map((n) => n.key));
        const fieldNotice = (key: string) => notices.some((n) => n.key === key && ['invalid', 'clamped', 'not-integer', 'unknown-id', 'embed-only'].includes(n.reason));
        for (const f of URL_SCHEMA) {
          const raw = last.get(f.key);
          if (raw === undefined) continue;
          const ok = fieldOk(f, raw, state);
          expect(fieldNotice(f.key), `${f.key}=${raw}`).toBe(!ok);
          if (ok) {
            const got = (f.target === 'config' ? state.config : state.ui) as unknown as Record<string, unknown>;
            if (f.type === 'int' || f.type === 'float') expect(got[f.field]).toBe(Number(raw.trim()) + 0);
            else if (f.type !== 'bool') expect(got[f.field]).toBe(raw);
          }
        }
        // The keys outside the table: the compare list, the embed flag and its widget.
        const rawCompare = last.get('compare');
        if (rawCompare !== undefined) {
          const asked = rawCompare.split(',').map((x) => x.trim()).filter(Boolean);
          const ok = asked.length >= 2 && asked.length <= 4 && new Set(asked).size === asked.length && asked.every((id) => cellIds.includes(id));
          expect(fieldNotice('compare'), `compare=${rawCompare}`).toBe(!ok);
          if (ok) expect(state.ui.compare).toEqual(asked);
        }
        const rawEmbed = last.get('embed');
        if (rawEmbed !== undefined) expect(fieldNotice('embed'), `embed=${rawEmbed}`).toBe(!BOOL_WORDS.includes(rawEmbed.trim().toLowerCase()));
        const rawWidget = last.get('widget');
        if (rawWidget !== undefined) {
          const ok = (EMBED_WIDGETS as readonly string[]).includes(rawWidget) && state.ui.embed;
          expect(fieldNotice('widget'), `widget=${rawWidget}`).toBe(!ok);
          expect(state.ui.widget).toBe(ok ? rawWidget : '');
        }
        for (const [kind, prefix, id] of [['cells', 'opt.', state.config.cellId], ['tasks', 'topt.', state.config.taskId]] as const) {
          for (const o of optionsOf(kind, id)) {
            const raw = last.get(prefix + o.key);
            if (raw !== undefined) expect(fieldNotice(prefix + o.key), `${prefix}${o.key}=${raw}`).toBe(!optionOk(o, raw));
          }
        }
        // A key given twice is named; the last value is the one read.
        const counts = new Map<string, number>();
        for (const [k] of params) counts.set(k, (counts.get(k) ?? 0) + 1);
        for (const n of notices.filter((x) => x.reason === 'repeated')) expect(counts.get(n.key)).toBeGreaterThan(1);
        // Unknown keys: named one by one when few, one counting line when many.
        const unknownLines = notices.filter((n) => n.reason === 'unknown-param' || n.reason === 'unknown-params');
        expect(unknownLines.filter((n) => n.reason === 'unknown-params').length).toBeLessThanOrEqual(1);
        expect(unknownLines.length).toBeLessThanOrEqual(3);
        expect(named.size).toBeLessThanOrEqual(notices.length);
      }),
      { numRuns: 400, seed: SEED },
    );
  });

  it('no link asks for a model the budget has not judged: sizes stay finite and within the limits', () => {
    // Links that push every size up, with the cells whose options grow the model.
    const big = fc.record({
      cell: fc.constantFrom(...cellIds),
      hiddenSize: fc.constantFrom('128', '1e6', '1e39', 'Infinity', '-0', '64.4', '4'),
      numLayers: fc.constantFrom('3', '1000000', 'NaN', '2.5'),
      seqLen: fc.constantFrom('200', '1e9', '-5', ''),
      batchSize: fc.constantFrom('256', '99999', '0'),
      bidirectional: fc.constantFrom('1', 'yes', 'maybe'),
      extra: soup,
    });
    fc.assert(
      fc.property(big, ({ extra, ...fields }) => {
        const q = `${extra}&${new URLSearchParams(fields).toString()}`;
        const { state } = parse(q);
        expectValidState(state);
        expectBudgetJudges(state);
      }),
      { numRuns: 120, seed: SEED },
    );
    // The largest run a link can ask for (docs/LINKS.md says so) is refused, not built.
    const largest = parse('cell=lstm&seqLen=200&hiddenSize=128&numLayers=3&bidirectional=1&batchSize=256');
    expect(largest.notices).toEqual([]);
    expect(() => checkBudget(largest.state.config)).toThrow(BudgetExceeded);
  });
});

// ---------- random valid states ----------

/** A float with at most six significant digits, the precision a link writes. */
const linkFloat = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => Math.min(max, Math.max(min, +x.toPrecision(6))) + 0);

function optionArb(o: OptionSpec): fc.Arbitrary<OptionValue> {
  if (o.kind === 'boolean') return fc.boolean();
  if (o.kind === 'choice') return fc.constantFrom(...(o.choices ?? []));
  if (o.kind === 'integer') return fc.integer({ min: o.min!, max: o.max! });
  return linkFloat(o.min!, o.max!);
}

const optionsArb = (specs: OptionSpec[]) => fc.record(Object.fromEntries(specs.map((o) => [o.key, optionArb(o)])) as Record<string, fc.Arbitrary<OptionValue>>);

function fieldArb(f: Field): fc.Arbitrary<unknown> {
  switch (f.type) {
    case 'int':
      return fc.integer({ min: f.min, max: f.max });
    case 'float':
      return linkFloat(f.min, f.max);
    case 'bool':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...f.choices);
    case 'registry':
      return fc.constantFrom(...(f.registry === 'cells' ? cellIds : taskIds));
  }
}

const validState: fc.Arbitrary<UrlState> = fc
  .record(Object.fromEntries(URL_SCHEMA.map((f) => [f.key, fieldArb(f)])) as Record<string, fc.Arbitrary<unknown>>)
  .chain((fields) => {
    const lesson = getLesson(String(fields.lesson));
    return fc.record({
      fields: fc.constant(fields),
      cellOptions: optionsArb(optionsOf('cells', String(fields.cell))),
      taskOptions: optionsArb(optionsOf('tasks', String(fields.task))),
      lessonStep: fc.integer({ min: 0, max: lesson.steps.length - 1 }),
      compare: fc.uniqueArray(fc.constantFrom(...cellIds), { minLength: 2, maxLength: 4 }),
      embed: fc.boolean(),
      widget: fc.constantFrom('' as const, ...EMBED_WIDGETS),
    });
  })
  .map(({ fields, cellOptions, taskOptions, lessonStep, compare, embed, widget }) => {
    const config: Record<string, unknown> = {};
    const ui: Record<string, unknown> = {};
    for (const f of URL_SCHEMA) (f.target === 'config' ? config : ui)[f.field] = fields[f.key];
    config.cellOptions = cellOptions;
    config.taskOptions = taskOptions;
    ui.lessonStep = lessonStep;
    ui.compare = compare;
    ui.embed = embed;
    // A widget is only written with embed=1.
    ui.widget = embed ? widget : '';
    return { config, ui } as unknown as UrlState;
  });

describe('link round trip of random valid states', () => {
  it('parse(serialise(s)) deep-equals s, with no notice', () => {
    fc.assert(
      fc.property(validState, (s) => {
        expectValidState(s);
        const back = parse(serializeQuery(s));
        expect(back.notices).toEqual([]);
        expect(back.state).toEqual(s);
        // And writing it again gives the same link.
        expect(serializeQuery(back.state)).toBe(serializeQuery(s));
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it('a float of any precision comes back to six significant digits', () => {
    const floats = URL_SCHEMA.filter((f): f is Field & { type: 'float'; min: number; max: number } => f.type === 'float');
    fc.assert(
      fc.property(validState, fc.constantFrom(...floats), fc.double({ min: 0, max: 1, noNaN: true }), (s, f, t) => {
        const x = f.min + t * (f.max - f.min);
        const dest = (f.target === 'config' ? s.config : s.ui) as unknown as Record<string, number>;
        dest[f.field] = x;
        const back = parse(serializeQuery(s));
        const got = ((f.target === 'config' ? back.state.config : back.state.ui) as unknown as Record<string, number>)[f.field];
        expect(Math.abs(got - x)).toBeLessThanOrEqual(Math.abs(x) * 5e-6 + 1e-300);
        expect(back.notices).toEqual([]);
      }),
      { numRuns: 100, seed: SEED },
    );
  });
});
