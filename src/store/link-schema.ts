// The link format, described once: which query key holds which field of the run (RunConfigSchema)
// or of the page (UiSchema), with its type, default and limits. The parser and writer in url.ts walk
// this table; the types of the page state are derived from the schema; docs/LINKS.md lists it
// (a unit test checks every key is there).
import * as v from 'valibot';
import { DEFAULT_LESSON, LESSON_IDS } from '../lessons/registry';
import type { LessonWidget } from '../lessons/types';
import {
  BooleanSchema, RUN_NUMBERS, RunConfigSchema, SV_CLIP_SCOPES, choiceSchema, numberSchema, type NumLimits,
} from '../protocol/run-config-schema';
import type { RunConfig } from '../protocol/messages';

export const PAGES = ['playground', 'lesson', 'cells', 'cell', 'compare', 'whatif', 'gallery'] as const;
export type Page = (typeof PAGES)[number];
export const LANGS = ['en', 'zh'] as const;
export const BACKEND_PREFS = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export const MECH_FILTERS = ['all', 'gates', 'cross-scale', 'initialisation'] as const;
/** The what-if page's sliders (issue 10, item 6): W_hh = ρ·Q of a tanh RNN, no training. */
export const WHATIF_MATRIX_CHOICES = ['orthogonal', 'gaussian', 'identity'] as const;
/** What `widget=` may name in an embed link: one lesson widget alone (issue 12, item 5). */
export const EMBED_WIDGETS = [
  'heatmaps', 'gradnorm', 'loss', 'spectrum', 'jacobians', 'saturation', 'clip', 'memory', 'params', 'samples',
] as const satisfies readonly LessonWidget[];

/** The page's numeric fields. */
export const UI_NUMBERS = {
  // The upper bound of any lesson; the lesson's own step count clamps further (url.ts).
  lessonStep: { type: 'int', default: 0, min: 0, max: 50 },
  wiRho: { type: 'float', default: 0.9, min: 0, max: 2 },
  wiLen: { type: 'int', default: 200, min: 10, max: 500 },
  wiScale: { type: 'float', default: 0.2, min: 0, max: 3 },
  wiHidden: { type: 'int', default: 64, min: 4, max: 128 },
} as const satisfies Record<string, NumLimits>;

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 4;

const lessonIds = LESSON_IDS as unknown as readonly [string, ...string[]];

/** Everything about the page a link carries besides the run, field by field. */
export const UiFieldsSchema = v.object({
  page: choiceSchema(PAGES),
  lang: choiceSchema(LANGS),
  /** Which lesson the lesson page shows (an id of src/lessons/registry.ts). */
  lesson: choiceSchema(lessonIds),
  lessonStep: numberSchema(UI_NUMBERS.lessonStep),
  backend: choiceSchema(BACKEND_PREFS),
  /** Cells on the Compare page, in legend order (2–4 of them, no repeats). */
  compare: v.pipe(
    v.array(v.string()),
    v.minLength(COMPARE_MIN, `expected ${COMPARE_MIN}–${COMPARE_MAX} known cell ids`),
    v.maxLength(COMPARE_MAX, `expected ${COMPARE_MIN}–${COMPARE_MAX} known cell ids`),
    v.check((ids) => new Set(ids).size === ids.length, 'expected no repeated cell id'),
  ),
  /** The catalogue shows cells of this mechanism only ('all': every cell). */
  mech: choiceSchema(MECH_FILTERS),
  /** An embed link (`embed=1`): no header, no side panel, the run bar kept (issue 12, item 5). */
  embed: BooleanSchema,
  /** With embed: one widget alone (`widget=loss`); '' shows the whole page. */
  widget: choiceSchema(['', ...EMBED_WIDGETS] as const),
  wiMatrix: choiceSchema(WHATIF_MATRIX_CHOICES),
  wiRho: numberSchema(UI_NUMBERS.wiRho),
  wiLen: numberSchema(UI_NUMBERS.wiLen),
  wiScale: numberSchema(UI_NUMBERS.wiScale),
  wiHidden: numberSchema(UI_NUMBERS.wiHidden),
});

/** A widget alone only exists in an embed (the writer drops `widget` without `embed=1`). */
export const UiSchema = v.pipe(
  UiFieldsSchema,
  v.check((ui) => ui.embed || ui.widget === '', 'widget: expected only with embed=1'),
);

export type UrlUi = v.InferOutput<typeof UiSchema>;
export type WhatIfUi = Pick<UrlUi, 'wiMatrix' | 'wiRho' | 'wiLen' | 'wiScale' | 'wiHidden'>;

/** The whole state a link carries. Registry ids and options are checked against the registries in url.ts. */
export const LinkStateSchema = v.object({ config: RunConfigSchema, ui: UiSchema });

type NumField = NumLimits & { type: 'int' | 'float' };
export type Field =
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

const run = <K extends keyof typeof RUN_NUMBERS>(key: string, field: K): Field => ({ key, target: 'config', field, ...RUN_NUMBERS[field] });
const ui = <K extends keyof typeof UI_NUMBERS>(key: string, field: K): Field => ({ key, target: 'ui', field, ...UI_NUMBERS[field] });

/** The one table of query fields. Order is the order fields appear in a link. */
export const URL_SCHEMA: readonly Field[] = [
  { key: 'page', target: 'ui', field: 'page', type: 'enum', choices: PAGES, default: 'playground' },
  { key: 'lang', target: 'ui', field: 'lang', type: 'enum', choices: LANGS, default: 'en' },
  { key: 'cell', target: 'config', field: 'cellId', type: 'registry', registry: 'cells', default: 'lstm' },
  { key: 'task', target: 'config', field: 'taskId', type: 'registry', registry: 'tasks', default: 'copy' },
  run('seqLen', 'seqLen'),
  run('hiddenSize', 'hiddenSize'),
  run('numLayers', 'numLayers'),
  { key: 'bidirectional', target: 'config', field: 'bidirectional', type: 'bool', default: false },
  run('learningRate', 'learningRate'),
  run('batchSize', 'batchSize'),
  run('recurrentScale', 'recurrentScale'),
  run('clipNorm', 'clipNorm'),
  run('svClip', 'svClip'),
  { key: 'svScope', target: 'config', field: 'svClipScope', type: 'enum', choices: SV_CLIP_SCOPES, default: 'all' },
  run('seed', 'seed'),
  { key: 'lesson', target: 'ui', field: 'lesson', type: 'enum', choices: LESSON_IDS, default: DEFAULT_LESSON },
  ui('lstep', 'lessonStep'),
  { key: 'mech', target: 'ui', field: 'mech', type: 'enum', choices: MECH_FILTERS, default: 'all' },
  { key: 'backend', target: 'ui', field: 'backend', type: 'enum', choices: BACKEND_PREFS, default: 'auto' },
  // The what-if page (no training): W_hh's kind and spectral radius, the sequence length, the input scale, H.
  { key: 'wiMatrix', target: 'ui', field: 'wiMatrix', type: 'enum', choices: WHATIF_MATRIX_CHOICES, default: 'orthogonal' },
  ui('wiRho', 'wiRho'),
  ui('wiLen', 'wiLen'),
  ui('wiScale', 'wiScale'),
  ui('wiHidden', 'wiHidden'),
];

/** Keys outside the table: the format version, the compare list, the embed flags, and the option prefixes. */
export const VERSION_KEY = 'v';
export const COMPARE_KEY = 'compare';
export const EMBED_KEY = 'embed';
export const WIDGET_KEY = 'widget';
/** A cell's own settings: opt.forgetBias=1 … */
export const OPT_PREFIX = 'opt.';
/** The task's own settings: topt.symbols=4 … */
export const TASK_OPT_PREFIX = 'topt.';

/** The valibot schema that checks a table field's value (the same one the whole-state schema uses). */
export function fieldSchema(f: Field): v.GenericSchema {
  const entries = (f.target === 'config' ? RunConfigSchema.entries : UiFieldsSchema.entries) as Record<string, v.GenericSchema>;
  const s = entries[f.field as string];
  // svClip and svClipScope are optional in a RunConfig; in a link they are always read.
  return s.type === 'optional' ? (s as unknown as { wrapped: v.GenericSchema }).wrapped : s;
}
