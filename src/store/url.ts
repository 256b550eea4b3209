// The link is the state: one schema table says, per query field, its type, default and limits.
// Parsing never throws. Each field is read on its own, clamped or defaulted, and every repair is
// reported so the page can say what it changed in a link it was given.
import { withDefaults, type OptionSpec, type CellOptions, type OptionValue } from '../cells/types';
import type { RunConfig, BackendName } from '../protocol/messages';
import { DEFAULT_LESSON, LESSON_IDS } from '../lessons/registry';
import type { LessonWidget } from '../lessons/types';
import { CURRENT_LINK_VERSION, migrateParams } from './url-migrate';

/**
 * The link format's version, written as `v=` in every link. 1: 26–30 Nov 2026 (recurrentScale
 * first a multiplier of the cell's init, then the spectral radius ρ); 2: embed/widget flags, and
 * recurrentScale is ρ in every such link. Older links are migrated (src/store/url-migrate.ts).
 */
export const URL_VERSION = CURRENT_LINK_VERSION;

/** What `widget=` may name in an embed link: one lesson widget alone (issue 12, item 5). */
export const EMBED_WIDGETS = [
  'heatmaps', 'gradnorm', 'loss', 'spectrum', 'jacobians', 'saturation', 'clip', 'memory', 'params', 'samples',
] as const satisfies readonly LessonWidget[];
export type EmbedWidget = (typeof EMBED_WIDGETS)[number];

export type Page = 'playground' | 'lesson' | 'cells' | 'cell' | 'compare' | 'whatif' | 'gallery';
export const PAGES: readonly Page[] = ['playground', 'lesson', 'cells', 'cell', 'compare', 'whatif', 'gallery'];
export type Lang = 'en' | 'zh';
export type BackendPref = BackendName | 'auto';

/** The what-if page's sliders (issue 10, item 6): W_hh = ρ·Q of a tanh RNN, no training. */
export const WHATIF_MATRIX_CHOICES = ['orthogonal', 'gaussian', 'identity'] as const;
export interface WhatIfUi {
  wiMatrix: (typeof WHATIF_MATRIX_CHOICES)[number];
  wiRho: number;
  wiLen: number;
  wiScale: number;
  wiHidden: number;
}

export interface UrlUi extends WhatIfUi {
  page: Page;
  lang: Lang;
  /** Which lesson the lesson page shows (an id of src/lessons/registry.ts). */
  lesson: string;
  lessonStep: number;
  backend: BackendPref;
  /** Cells on the Compare page, in legend order (2–4 of them). */
  compare: string[];
  /** The catalogue shows cells of this mechanism only ('all': every cell). */
  mech: MechFilter;
  /** An embed link (`embed=1`): no header, no side panel, the run bar kept (issue 12, item 5). */
  embed: boolean;
  /** With embed: one widget alone (`widget=loss`); '' shows the whole page. */
  widget: EmbedWidget | '';
}

export const MECH_FILTERS = ['all', 'gates', 'cross-scale', 'initialisation'] as const;
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

type NumField = { type: 'int' | 'float'; default: number; min: number; max: number };
type Field =
  | ({ key: string; target: 'config'; field: keyof RunConfig } & (
      | NumField
      | { type: 'bool'; default: boolean }
      | { type: 'registry'; registry: 'cells' | 'tasks'; default: string }
      | { type: 'enum'; choices: readonly string[]; default: string }
    ))
  | ({ key: string; target: 'ui'; field: keyof UrlUi } & (
      | NumField
      | { type: 'enum'; choices: readonly string[]; default: string }
    ));

export const SEED_MAX = 2 ** 31 - 1;

/** The one schema table. Order is the order fields appear in a link. */
export const URL_SCHEMA: readonly Field[] = [
  { key: 'page', target: 'ui', field: 'page', type: 'enum', choices: PAGES, default: 'playground' },
  { key: 'lang', target: 'ui', field: 'lang', type: 'enum', choices: ['en', 'zh'], default: 'en' },
  { key: 'cell', target: 'config', field: 'cellId', type: 'registry', registry: 'cells', default: 'lstm' },
  { key: 'task', target: 'config', field: 'taskId', type: 'registry', registry: 'tasks', default: 'copy' },
  // 12 (a gap of 5 on the copy task) is short enough that the default LSTM visibly learns within
  // ~150 steps; the sliders go further for people who want to watch memory fail.
  { key: 'seqLen', target: 'config', field: 'seqLen', type: 'int', default: 12, min: 10, max: 200 },
  { key: 'hiddenSize', target: 'config', field: 'hiddenSize', type: 'int', default: 32, min: 4, max: 128 },
  { key: 'numLayers', target: 'config', field: 'numLayers', type: 'int', default: 1, min: 1, max: 3 },
  { key: 'bidirectional', target: 'config', field: 'bidirectional', type: 'bool', default: false },
  { key: 'learningRate', target: 'config', field: 'learningRate', type: 'float', default: 0.01, min: 1e-4, max: 0.1 },
  { key: 'batchSize', target: 'config', field: 'batchSize', type: 'int', default: 32, min: 1, max: 256 },
  // The spectral radius ρ of W_hh at init (src/engine/spectral.ts); 0 = off, the cell's own init
  // (PyTorch's ρ ≈ 0.58). Links from before ρ carried a multiplier of the init: the same for IRNN.
  { key: 'recurrentScale', target: 'config', field: 'recurrentScale', type: 'float', default: 0, min: 0, max: 3 },
  { key: 'clipNorm', target: 'config', field: 'clipNorm', type: 'float', default: 1, min: 0, max: 10 },
  // Kanai et al. clip to just under 2, the bound of their fixed-point analysis; 0 means off. Above 3 it would never bite.
  { key: 'svClip', target: 'config', field: 'svClip', type: 'float', default: 0, min: 0, max: 3 },
  { key: 'svScope', target: 'config', field: 'svClipScope', type: 'enum', choices: ['all', 'candidate'], default: 'all' },
  { key: 'seed', target: 'config', field: 'seed', type: 'int', default: 1, min: 0, max: SEED_MAX },
  { key: 'lesson', target: 'ui', field: 'lesson', type: 'enum', choices: LESSON_IDS, default: DEFAULT_LESSON },
  { key: 'lstep', target: 'ui', field: 'lessonStep', type: 'int', default: 0, min: 0, max: 50 },
  { key: 'mech', target: 'ui', field: 'mech', type: 'enum', choices: MECH_FILTERS, default: 'all' },
  { key: 'backend', target: 'ui', field: 'backend', type: 'enum', choices: ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'], default: 'auto' },
  // The what-if page (no training): W_hh's kind and spectral radius, the sequence length, the input scale, H.
  { key: 'wiMatrix', target: 'ui', field: 'wiMatrix', type: 'enum', choices: WHATIF_MATRIX_CHOICES, default: 'orthogonal' },
  { key: 'wiRho', target: 'ui', field: 'wiRho', type: 'float', default: 0.9, min: 0, max: 2 },
  { key: 'wiLen', target: 'ui', field: 'wiLen', type: 'int', default: 200, min: 10, max: 500 },
  { key: 'wiScale', target: 'ui', field: 'wiScale', type: 'float', default: 0.2, min: 0, max: 3 },
  { key: 'wiHidden', target: 'ui', field: 'wiHidden', type: 'int', default: 64, min: 4, max: 128 },
];

const OPT_PREFIX = 'opt.';
/** The task's own settings: topt.symbols=4 … */
const TASK_OPT_PREFIX = 'topt.';

/** The Compare page's cell list lives outside the table: it is a list, read against the cell registry. */
export const COMPARE_KEY = 'compare';
export const EMBED_KEY = 'embed';
export const WIDGET_KEY = 'widget';
export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;
const COMPARE_DEFAULT = ['rnn', 'lstm', 'gru'];

export function defaultCompare(cellIds: string[]): string[] {
  const known = COMPARE_DEFAULT.filter((id) => cellIds.includes(id));
  // With an unknown registry (the boot pass) the defaults stand; otherwise top up from the registry.
  if (!cellIds.length) return [...COMPARE_DEFAULT];
  for (const id of cellIds) if (known.length < COMPARE_MIN && !known.includes(id)) known.push(id);
  return known;
}

/** Known ids only, no repeats, at most COMPARE_MAX; fewer than COMPARE_MIN falls back to the default. */
export function parseCompare(raw: string, cellIds: string[]): { value: string[]; reason?: NoticeReason } {
  const asked = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const ids = [...new Set(asked.filter((id) => cellIds.includes(id)))].slice(0, COMPARE_MAX);
  if (ids.length < COMPARE_MIN) return { value: defaultCompare(cellIds), reason: 'invalid' };
  const same = ids.length === asked.length && ids.every((id, i) => id === asked[i]);
  return same ? { value: ids } : { value: ids, reason: ids.length < asked.length ? 'unknown-id' : 'invalid' };
}

export type NoticeReason = 'invalid' | 'clamped' | 'unknown-id' | 'unknown-param' | 'version' | 'malformed' | 'debug-flags' | 'migrated' | 'migrated-approx';
export interface UrlNotice {
  key: string;
  raw: string;
  value: string;
  reason: NoticeReason;
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

type Parsed<T> = { value: T; reason?: NoticeReason };

function parseNumber(raw: string, f: NumField): Parsed<number> {
  const trimmed = raw.trim();
  const n = trimmed === '' ? NaN : Number(trimmed);
  if (!Number.isFinite(n)) return { value: f.default, reason: 'invalid' };
  const v = f.type === 'int' ? Math.round(n) : n;
  const clamped = Math.min(f.max, Math.max(f.min, v));
  return { value: clamped, reason: clamped !== n ? 'clamped' : undefined };
}

function parseBool(raw: string, def: boolean): Parsed<boolean> {
  const s = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(s)) return { value: true };
  if (['0', 'false', 'no', 'off'].includes(s)) return { value: false };
  return { value: def, reason: 'invalid' };
}

export function parseOption(raw: string, o: OptionSpec): Parsed<OptionValue> {
  switch (o.kind) {
    case 'boolean':
      return parseBool(raw, Boolean(o.default));
    case 'choice':
      return o.choices?.includes(raw) ? { value: raw } : { value: o.default, reason: 'invalid' };
    default:
      return parseNumber(raw, {
        type: o.kind === 'integer' ? 'int' : 'float',
        default: Number(o.default),
        min: o.min ?? -Infinity,
        max: o.max ?? Infinity,
      });
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

/** Reads a query string (with or without '?'). Missing fields take defaults silently; a missing seed is drawn. */
export function parseQuery(search: string, reg: UrlRegistry, randomSeed: () => number = randomSeedValue): ParseResult {
  const params = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const state = defaultState(reg, randomSeed());
  const notices: UrlNotice[] = [];
  const present: PresentFields = { config: new Set(), cellOptions: new Set(), taskOptions: new Set() };
  const note = (key: string, raw: string, value: unknown, reason: NoticeReason) =>
    notices.push({ key, raw, value: String(value), reason });

  // Older link formats are rewritten to this one first; a changed meaning is said in a notice.
  notices.push(...migrateParams(params));

  const known = new Set(['v', EMBED_KEY, WIDGET_KEY, ...URL_SCHEMA.map((f) => f.key)]);
  const rawEmbed = params.get(EMBED_KEY);
  if (rawEmbed !== null) {
    const out = parseBool(rawEmbed, false);
    state.ui.embed = out.value;
    if (out.reason) note(EMBED_KEY, rawEmbed, out.value ? '1' : '0', out.reason);
  }
  const rawWidget = params.get(WIDGET_KEY);
  if (rawWidget !== null) {
    const ok = (EMBED_WIDGETS as readonly string[]).includes(rawWidget);
    state.ui.widget = ok ? (rawWidget as EmbedWidget) : '';
    if (!ok) note(WIDGET_KEY, rawWidget, '', 'invalid');
  }
  for (const f of URL_SCHEMA) {
    const raw = params.get(f.key);
    if (raw === null) continue;
    const dest = (f.target === 'config' ? state.config : state.ui) as unknown as Record<string, unknown>;
    let out: Parsed<unknown>;
    if (f.type === 'int' || f.type === 'float') out = parseNumber(raw, f);
    else if (f.type === 'bool') out = parseBool(raw, f.default);
    else if (f.type === 'enum') out = f.choices.includes(raw) ? { value: raw } : { value: f.default, reason: 'invalid' };
    else if (f.type === 'registry') {
      const ids = reg[f.registry].map((x: { id: string }) => x.id);
      // An empty registry (the boot pass, before metadata loads) cannot judge ids: keep the default.
      if (!ids.length) continue;
      out = ids.includes(raw) ? { value: raw } : { value: ids.includes(f.default) ? f.default : ids[0], reason: 'unknown-id' };
    } else continue;
    dest[f.field] = out.value;
    if (out.reason) note(f.key, raw, out.value, out.reason);
    if (f.target === 'config' && out.reason !== 'invalid' && out.reason !== 'unknown-id') present.config.add(f.field);
  }

  const rawCompare = params.get(COMPARE_KEY);
  known.add(COMPARE_KEY);
  // Like registry fields, an empty registry (the boot pass) cannot judge ids: keep the default.
  if (rawCompare !== null && reg.cells.length) {
    const out = parseCompare(rawCompare, reg.cells.map((c) => c.id));
    state.ui.compare = out.value;
    if (out.reason) note(COMPARE_KEY, rawCompare, out.value.join(','), out.reason);
  }

  // The chosen cell's and task's own settings (opt.*, topt.*), each read against its declaration.
  const readOptions = (specs: OptionSpec[], prefix: string, seen: Set<string>): CellOptions => {
    const values = defaultOptions(specs);
    for (const o of specs) {
      const key = prefix + o.key;
      known.add(key);
      const raw = params.get(key);
      if (raw === null) continue;
      const out = parseOption(raw, o);
      values[o.key] = out.value;
      if (out.reason) note(key, raw, out.value, out.reason);
      if (out.reason !== 'invalid') seen.add(o.key);
    }
    return values;
  };
  state.config.cellOptions = readOptions(reg.cells.find((c) => c.id === state.config.cellId)?.options ?? [], OPT_PREFIX, present.cellOptions);
  state.config.taskOptions = readOptions(reg.tasks.find((t) => t.id === state.config.taskId)?.options ?? [], TASK_OPT_PREFIX, present.taskOptions);

  for (const key of params.keys()) if (!known.has(key)) note(key, params.get(key) ?? '', '', 'unknown-param');
  return { state, notices, present };
}

function formatValue(v: unknown): string {
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(+v.toPrecision(6));
  return String(v);
}

/** Every field is written (seed included), so a link means the same run even if defaults move. */
export function serializeQuery(state: UrlState): string {
  const params = new URLSearchParams();
  params.set('v', String(URL_VERSION));
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
  const notices: UrlNotice[] = [];
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
      notices.push({ key: rawKey.slice(0, 40), raw: rawValue.slice(0, 40), value: '', reason: 'malformed' });
      continue;
    }
    if (key.toLowerCase() === 'tfjsflags') {
      notices.push({ key, raw: rawValue.slice(0, 40), value: '', reason: 'debug-flags' });
      continue;
    }
    kept.push(pair);
  }
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
