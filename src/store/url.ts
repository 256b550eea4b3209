// The link is the state. The format is described once, as a schema (src/store/link-schema.ts on
// src/protocol/run-config-schema.ts); this module reads and writes it. Parsing never throws. Each
// field is read on its own, clamped, rounded or defaulted, and every repair is reported with the
// field's one message ("hiddenSize: expected an integer in [4, 128], got 64.4"), so the page can say
// what it changed in a link it was given. A key given twice: the last one counts (a setting appended
// to a shared link wins), with a notice.
import * as v from 'valibot';
import { withDefaults, type OptionSpec, type CellOptions, type OptionValue } from '../cells/types';
import type { RunConfig, BackendName } from '../protocol/messages';
import { SEED_MAX, describeNumber, numberSchema, quoteValue, type NumLimits } from '../protocol/run-config-schema';
import { getLesson } from '../lessons/registry';
import {
  COMPARE_KEY, COMPARE_MAX, COMPARE_MIN, EMBED_KEY, EMBED_WIDGETS, MECH_FILTERS, OPT_PREFIX, PAGES, TASK_OPT_PREFIX,
  URL_SCHEMA, VERSION_KEY, WHATIF_MATRIX_CHOICES, WIDGET_KEY, fieldSchema, type Field, type UrlUi,
} from './link-schema';
import { CURRENT_LINK_VERSION, migrateParams } from './url-migrate';

export {
  COMPARE_KEY, COMPARE_MAX, COMPARE_MIN, EMBED_KEY, EMBED_WIDGETS, MECH_FILTERS, PAGES, SEED_MAX, URL_SCHEMA,
  WHATIF_MATRIX_CHOICES, WIDGET_KEY,
};
export type { Field, Page, UrlUi, WhatIfUi } from './link-schema';

/**
 * The link format's version, written as `v=` in every link. 1: 26–30 Nov 2026 (recurrentScale
 * first a multiplier of the cell's init, then the spectral radius ρ); 2: embed/widget flags, and
 * recurrentScale is ρ in every such link. Older links are migrated (src/store/url-migrate.ts).
 */
export const URL_VERSION = CURRENT_LINK_VERSION;

export type EmbedWidget = (typeof EMBED_WIDGETS)[number];
export type Lang = UrlUi['lang'];
export type BackendPref = BackendName | 'auto';
export type MechFilter = (typeof MECH_FILTERS)[number];

export interface UrlState {
  config: RunConfig;
  ui: UrlUi;
}

/** What parse needs from the registries: ids, and each cell's option specs. */
export interface UrlRegistry {
  cells: { id: string; options: OptionSpec[] }[];
  tasks: { id: string; options?: OptionSpec[] }[];
}

/** More notices than this of one kind (unknown keys, malformed parts) become one line that counts them. */
const LIST_AT_MOST = 3;
/** How much of a key is quoted in a notice. */
const KEY_QUOTE = 60;

const COMPARE_DEFAULT = ['rnn', 'lstm', 'gru'];

export function defaultCompare(cellIds: string[]): string[] {
  const known = COMPARE_DEFAULT.filter((id) => cellIds.includes(id));
  // With an unknown registry (the boot pass) the defaults stand; otherwise top up from the registry.
  if (!cellIds.length) return [...COMPARE_DEFAULT];
  for (const id of cellIds) if (known.length < COMPARE_MIN && !known.includes(id)) known.push(id);
  return known;
}

/** Known ids only, no repeats, at most COMPARE_MAX; fewer than COMPARE_MIN falls back to the default. */
export function parseCompare(raw: string, cellIds: string[]): { value: string[]; reason?: NoticeReason; message?: string } {
  const asked = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const ids = [...new Set(asked.filter((id) => cellIds.includes(id)))].slice(0, COMPARE_MAX);
  const message = `${COMPARE_KEY}: expected ${COMPARE_MIN}–${COMPARE_MAX} known cell ids without repeats, got ${quoteValue(raw)}`;
  if (ids.length < COMPARE_MIN) return { value: defaultCompare(cellIds), reason: 'invalid', message };
  const same = ids.length === asked.length && ids.every((id, i) => id === asked[i]);
  return same ? { value: ids } : { value: ids, reason: ids.length < asked.length ? 'unknown-id' : 'invalid', message };
}

export type NoticeReason =
  | 'invalid' | 'clamped' | 'not-integer' | 'unknown-id' | 'unknown-param' | 'unknown-params' | 'repeated' | 'embed-only'
  | 'version' | 'malformed' | 'malformed-many' | 'debug-flags' | 'migrated' | 'migrated-approx';
/**
 * One thing the parser changed or ignored. `raw` quotes at most ~200 characters of what the link
 * said. For unknown-params and malformed-many, `key` names a few and `value` is how many.
 */
export interface UrlNotice {
  key: string;
  raw: string;
  value: string;
  reason: NoticeReason;
  /** The field's one message, in English: "hiddenSize: expected an integer in [4, 128], got 64.4". */
  message?: string;
  /** The limits a clamped value was brought into, "[4, 128]". */
  range?: string;
}

export function schemaField(field: keyof RunConfig | keyof UrlUi): Field | undefined {
  return URL_SCHEMA.find((f) => f.field === field);
}

export function numLimits(field: keyof RunConfig): { min: number; max: number; default: number } {
  const f = schemaField(field);
  if (!f || (f.type !== 'int' && f.type !== 'float')) throw new Error(`${String(field)} is not numeric`);
  return { min: f.min, max: f.max, default: f.default };
}

/** min and max of a numeric page-level field (the what-if sliders). */
export function numLimitsUi(field: keyof UrlUi): { min: number; max: number } {
  const f = URL_SCHEMA.find((x) => x.target === 'ui' && x.field === field);
  if (!f || (f.type !== 'int' && f.type !== 'float')) throw new Error(`${String(field)} is not numeric`);
  return { min: f.min, max: f.max };
}

export function defaultOptions(options: OptionSpec[]): CellOptions {
  return withDefaults(options);
}

export function defaultState(reg: UrlRegistry, seed = 1): UrlState {
  const config = {} as Record<string, unknown>;
  const ui = {} as Record<string, unknown>;
  for (const f of URL_SCHEMA) (f.target === 'config' ? config : ui)[f.field] = f.default;
  config.seed = seed;
  const cell = reg.cells.find((c) => c.id === config.cellId) ?? reg.cells[0];
  if (cell) config.cellId = cell.id;
  config.cellOptions = cell ? defaultOptions(cell.options) : {};
  config.taskOptions = defaultOptions(reg.tasks.find((t) => t.id === config.taskId)?.options ?? []);
  ui.compare = defaultCompare(reg.cells.map((c) => c.id));
  ui.embed = false;
  ui.widget = '';
  return { config: config as unknown as RunConfig, ui: ui as unknown as UrlUi };
}

type Parsed<T> = { value: T; reason?: NoticeReason; message?: string; range?: string };

const numberSchemas = new Map<string, v.GenericSchema>();
function schemaOfLimits(l: NumLimits): v.GenericSchema {
  const id = `${l.type}:${l.min}:${l.max}`;
  let s = numberSchemas.get(id);
  if (!s) numberSchemas.set(id, (s = numberSchema(l)));
  return s;
}

/** A number from the link: checked by its schema; else rounded (integers) and clamped, or the default if it is no number. */
function parseNumber(key: string, raw: string, l: NumLimits, schema: v.GenericSchema = schemaOfLimits(l)): Parsed<number> {
  const trimmed = raw.trim();
  const n = trimmed === '' ? NaN : Number(trimmed);
  const checked = v.safeParse(schema, n, { abortEarly: true });
  // + 0 turns -0 into 0, which is what the link writes back.
  if (checked.success) return { value: n + 0 };
  const message = `${key}: ${checked.issues[0].message}, got ${quoteValue(raw)}`;
  if (!Number.isFinite(n)) return { value: l.default, reason: 'invalid', message };
  const whole = l.type === 'int' ? Math.round(n) : n;
  const value = Math.min(l.max, Math.max(l.min, whole)) + 0;
  if (value === whole) return { value, reason: 'not-integer', message };
  return { value, reason: 'clamped', message, range: `[${l.min}, ${l.max}]` };
}

function parseBool(key: string, raw: string, def: boolean): Parsed<boolean> {
  const s = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(s)) return { value: true };
  if (['0', 'false', 'no', 'off'].includes(s)) return { value: false };
  return { value: def, reason: 'invalid', message: `${key}: expected 1 or 0, got ${quoteValue(raw)}` };
}

function optionLimits(o: OptionSpec): NumLimits {
  return {
    type: o.kind === 'integer' ? 'int' : 'float',
    default: Number(o.default),
    min: o.min ?? -Number.MAX_VALUE,
    max: o.max ?? Number.MAX_VALUE,
  };
}

/** One cell or task option, read against its declaration. */
export function parseOption(raw: string, o: OptionSpec, key = o.key): Parsed<OptionValue> {
  switch (o.kind) {
    case 'boolean':
      return parseBool(key, raw, Boolean(o.default));
    case 'choice':
      return o.choices?.includes(raw)
        ? { value: raw }
        : { value: o.default, reason: 'invalid', message: `${key}: expected one of ${(o.choices ?? []).join(', ')}, got ${quoteValue(raw)}` };
    default:
      return parseNumber(key, raw, optionLimits(o));
  }
}

/** Which run fields, cell options and task options the link itself set (validly). */
export interface PresentFields {
  config: Set<keyof RunConfig>;
  cellOptions: Set<string>;
  taskOptions: Set<string>;
}

export interface ParseResult {
  state: UrlState;
  notices: UrlNotice[];
  present: PresentFields;
}

/** One value per key, the last one given; and how many times each key came. */
function lastOfEach(search: string): { params: URLSearchParams; counts: Map<string, number> } {
  const last = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const [k, val] of new URLSearchParams(search.startsWith('?') ? search.slice(1) : search)) {
    last.set(k, val);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return { params: new URLSearchParams([...last]), counts };
}

function readField(f: Field, raw: string, reg: UrlRegistry): Parsed<unknown> | null {
  if (f.type === 'int' || f.type === 'float') return parseNumber(f.key, raw, f, fieldSchema(f));
  if (f.type === 'bool') return parseBool(f.key, raw, f.default);
  if (f.type === 'enum') {
    const checked = v.safeParse(fieldSchema(f), raw);
    return checked.success
      ? { value: raw }
      : { value: f.default, reason: 'invalid', message: `${f.key}: ${checked.issues[0].message}, got ${quoteValue(raw)}` };
  }
  if (f.type !== 'registry') return null;
  const ids = reg[f.registry].map((x: { id: string }) => x.id);
  // An empty registry (the boot pass, before metadata loads) cannot judge ids: keep the default.
  if (!ids.length) return null;
  if (ids.includes(raw)) return { value: raw };
  const what = f.registry === 'cells' ? 'cell' : 'task';
  return {
    value: ids.includes(f.default) ? f.default : ids[0],
    reason: 'unknown-id',
    message: `${f.key}: expected a known ${what} id, got ${quoteValue(raw)}`,
  };
}

/** Reads a query string (with or without '?'). Missing fields take defaults silently; a missing seed is drawn. */
export function parseQuery(search: string, reg: UrlRegistry, randomSeed: () => number = randomSeedValue): ParseResult {
  const { params, counts } = lastOfEach(search);
  const state = defaultState(reg, randomSeed());
  const notices: UrlNotice[] = [];
  const present: PresentFields = { config: new Set(), cellOptions: new Set(), taskOptions: new Set() };
  const note = (key: string, raw: string, value: unknown, out: Parsed<unknown>) => {
    const n: UrlNotice = { key, raw: quoteValue(raw), value: quoteValue(String(value)), reason: out.reason! };
    if (out.message) n.message = out.message;
    if (out.range) n.range = out.range;
    notices.push(n);
  };

  // Older link formats are rewritten to this one first; a changed meaning is said in a notice.
  notices.push(...migrateParams(params));

  const known = new Set([VERSION_KEY, EMBED_KEY, WIDGET_KEY, COMPARE_KEY, ...URL_SCHEMA.map((f) => f.key)]);
  const rawEmbed = params.get(EMBED_KEY);
  if (rawEmbed !== null) {
    const out = parseBool(EMBED_KEY, rawEmbed, false);
    state.ui.embed = out.value;
    if (out.reason) note(EMBED_KEY, rawEmbed, out.value ? '1' : '0', out);
  }
  const rawWidget = params.get(WIDGET_KEY);
  if (rawWidget !== null) {
    const ok = (EMBED_WIDGETS as readonly string[]).includes(rawWidget);
    // Without embed=1 a widget means nothing (and the writer would drop it): ignored, with a notice.
    state.ui.widget = ok && state.ui.embed ? (rawWidget as EmbedWidget) : '';
    if (!ok) note(WIDGET_KEY, rawWidget, '', { value: '', reason: 'invalid', message: `${WIDGET_KEY}: expected one of ${EMBED_WIDGETS.join(', ')}, got ${quoteValue(rawWidget)}` });
    else if (!state.ui.embed) note(WIDGET_KEY, rawWidget, '', { value: '', reason: 'embed-only', message: `${WIDGET_KEY}: expected only with ${EMBED_KEY}=1, got ${quoteValue(rawWidget)}` });
  }
  for (const f of URL_SCHEMA) {
    const raw = params.get(f.key);
    if (raw === null) continue;
    const out = readField(f, raw, reg);
    if (!out) continue;
    const dest = (f.target === 'config' ? state.config : state.ui) as unknown as Record<string, unknown>;
    dest[f.field] = out.value;
    if (out.reason) note(f.key, raw, out.value, out);
    if (f.target === 'config' && out.reason !== 'invalid' && out.reason !== 'unknown-id') present.config.add(f.field);
  }

  // A lesson has fewer steps than the field's upper bound: a step past its last is brought back to the last.
  const lastStep = getLesson(state.ui.lesson).steps.length - 1;
  if (state.ui.lessonStep > lastStep) {
    const rawStep = params.get('lstep') ?? String(state.ui.lessonStep);
    const i = notices.findIndex((n) => n.key === 'lstep');
    if (i >= 0) notices.splice(i, 1);
    state.ui.lessonStep = lastStep;
    note('lstep', rawStep, lastStep, {
      value: lastStep,
      reason: 'clamped',
      range: `[0, ${lastStep}]`,
      message: `lstep: expected ${describeNumber({ type: 'int', min: 0, max: lastStep })} (lesson ${state.ui.lesson} has ${lastStep + 1} steps), got ${quoteValue(rawStep)}`,
    });
  }

  const rawCompare = params.get(COMPARE_KEY);
  // Like registry fields, an empty registry (the boot pass) cannot judge ids: keep the default.
  if (rawCompare !== null && reg.cells.length) {
    const out = parseCompare(rawCompare, reg.cells.map((c) => c.id));
    state.ui.compare = out.value;
    if (out.reason) note(COMPARE_KEY, rawCompare, out.value.join(','), out);
  }

  // The chosen cell's and task's own settings (opt.*, topt.*), each read against its declaration.
  const readOptions = (specs: OptionSpec[], prefix: string, seen: Set<string>): CellOptions => {
    const values = defaultOptions(specs);
    for (const o of specs) {
      const key = prefix + o.key;
      known.add(key);
      const raw = params.get(key);
      if (raw === null) continue;
      const out = parseOption(raw, o, key);
      values[o.key] = out.value;
      if (out.reason) note(key, raw, out.value, out);
      if (out.reason !== 'invalid') seen.add(o.key);
    }
    return values;
  };
  state.config.cellOptions = readOptions(reg.cells.find((c) => c.id === state.config.cellId)?.options ?? [], OPT_PREFIX, present.cellOptions);
  state.config.taskOptions = readOptions(reg.tasks.find((t) => t.id === state.config.taskId)?.options ?? [], TASK_OPT_PREFIX, present.taskOptions);

  // A known key given more than once (an unknown one is ignored whatever its count).
  for (const [key, count] of counts) {
    if (count > 1 && known.has(key)) {
      const raw = params.get(key) ?? '';
      notices.push({ key, raw: quoteValue(raw), value: quoteValue(raw), reason: 'repeated', message: `${key}: given ${count} times; the last one counts, got ${quoteValue(raw)}` });
    }
  }

  const unknown = [...params.keys()].filter((key) => !known.has(key));
  if (unknown.length > LIST_AT_MOST) {
    notices.push({ key: nameAFew(unknown), raw: '', value: String(unknown.length), reason: 'unknown-params' });
  } else {
    for (const key of unknown) notices.push({ key: quoteValue(key, KEY_QUOTE), raw: quoteValue(params.get(key) ?? ''), value: '', reason: 'unknown-param' });
  }
  return { state, notices, present };
}

/** “a”, “b”, “c”, … */
function nameAFew(keys: string[]): string {
  const shown = keys.slice(0, LIST_AT_MOST).map((k) => `“${quoteValue(k, KEY_QUOTE)}”`);
  return `${shown.join(', ')}${keys.length > LIST_AT_MOST ? ', …' : ''}`;
}

function formatValue(v: unknown): string {
  if (typeof v === 'boolean') return v ? '1' : '0';
  // Six significant digits: links stay readable, and a value with at most six reads back exactly.
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(+v.toPrecision(6));
  return String(v);
}

/** Every field is written (seed included), so a link means the same run even if defaults move. */
export function serializeQuery(state: UrlState): string {
  const params = new URLSearchParams();
  params.set(VERSION_KEY, String(URL_VERSION));
  for (const f of URL_SCHEMA) {
    const src = (f.target === 'config' ? state.config : state.ui) as unknown as Record<string, unknown>;
    params.set(f.key, formatValue(src[f.field]));
  }
  params.set(COMPARE_KEY, state.ui.compare.join(','));
  // Written only when set, so ordinary links stay as they were.
  if (state.ui.embed) params.set(EMBED_KEY, '1');
  if (state.ui.embed && state.ui.widget) params.set(WIDGET_KEY, state.ui.widget);
  for (const [k, val] of Object.entries(state.config.cellOptions)) params.set(OPT_PREFIX + k, formatValue(val));
  for (const [k, val] of Object.entries(state.config.taskOptions ?? {})) params.set(TASK_OPT_PREFIX + k, formatValue(val));
  // Commas are legal in a query; left unescaped, compare=lstm,gru stays readable.
  return params.toString().replace(/%2C/g, ',');
}

/**
 * Drops what would stop the page from starting: a pair with a malformed percent escape (`%`,
 * `%E0`, `%ZZ`) and tfjs's own debug field `tfjsflags`. tfjs-core decodes every query pair with
 * decodeURIComponent when it loads, and throws on either. Runs before tfjs is imported.
 */
export function sanitizeQuery(search: string): { search: string; notices: UrlNotice[] } {
  const body = search.startsWith('?') ? search.slice(1) : search;
  const malformed: UrlNotice[] = [];
  let debug: UrlNotice | null = null;
  const kept: string[] = [];
  for (const pair of body.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawKey = eq < 0 ? pair : pair.slice(0, eq);
    const rawValue = eq < 0 ? '' : pair.slice(eq + 1);
    let key: string;
    try {
      key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      decodeURIComponent(rawValue.replace(/\+/g, ' '));
    } catch {
      malformed.push({ key: rawKey.slice(0, 40), raw: rawValue.slice(0, 40), value: '', reason: 'malformed' });
      continue;
    }
    if (key.toLowerCase() === 'tfjsflags') {
      debug ??= { key: quoteValue(key, KEY_QUOTE), raw: rawValue.slice(0, 40), value: '', reason: 'debug-flags' };
      continue;
    }
    kept.push(pair);
  }
  // Thousands of broken parts make one line, not thousands.
  const notices = malformed.length > LIST_AT_MOST
    ? [{ key: nameAFew(malformed.map((n) => n.key)), raw: '', value: String(malformed.length), reason: 'malformed-many' as const }]
    : malformed;
  if (debug) notices.push(debug);
  return { search: kept.length ? `?${kept.join('&')}` : '', notices };
}

export function randomSeedValue(): number {
  return Math.floor(Math.random() * 1_000_000);
}

/**
 * Keeps the address bar in step with the state. A navigation (`push`) gets its own history entry,
 * so Back and Forward move between pages; everything else (`write`: a slider, the language)
 * replaces the current entry at most every `delayMs`, so a drag does not flood the history.
 */
export function createUrlWriter(delayMs = 250): { write(state: UrlState): void; push(state: UrlState): void; flush(): void; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: UrlState | null = null;
  const urlOf = (state: UrlState) => `${location.pathname}?${serializeQuery(state)}${location.hash}`;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!pending) return;
    const url = urlOf(pending);
    pending = null;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
  };
  const cancel = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return {
    write(state) {
      pending = state;
      if (timer) clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    push(state) {
      // The entry being left keeps its last state (a slider moved just before the click).
      flush();
      history.pushState(null, '', urlOf(state));
    },
    flush,
    cancel,
  };
}
