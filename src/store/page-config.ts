// The run each page announces. A cell's card starts from its preset, a lesson step from the step's
// preset; every field they leave out comes from the link schema's defaults (seed 1), never from
// the page visited before. The Playground, the catalogue and Compare announce no run: they keep
// the one they were given.
//
// A link is read on top of what its page announces: `?page=cell&cell=irnn` is the IRNN card's
// preset, and a field the link does name (a slider the sender moved) wins over the preset, so a
// link reproduces what its sender saw and a short link what its page promises.
import type { CellOptions, CellPreset, OptionSpec } from '../cells/types';
import type { RunConfig } from '../protocol/messages';
import { getLesson, LESSON_IDS } from '../lessons/registry';
import { defaultOptions, defaultState, parseQuery, randomSeedValue, type ParseResult, type UrlRegistry, type UrlUi } from './url';

/** The registries plus what each cell's card announces. */
export interface PresetRegistry extends UrlRegistry {
  cells: { id: string; options: OptionSpec[]; preset?: CellPreset }[];
}

/** The seed of every announced run that does not name its own. */
export const PRESET_SEED = 1;

function taskOptionsFor(reg: UrlRegistry, taskId: string, given?: CellOptions): CellOptions {
  return { ...defaultOptions(reg.tasks.find((t) => t.id === taskId)?.options ?? []), ...given };
}

function cellOptionsFor(reg: UrlRegistry, cellId: string, given?: CellOptions): CellOptions {
  return { ...defaultOptions(reg.cells.find((c) => c.id === cellId)?.options ?? []), ...given };
}

/** Defaults (seed 1) with `patch` on top; cell and task options default for the chosen ids. */
export function configFrom(reg: UrlRegistry, patch: Partial<RunConfig>): RunConfig {
  const base = defaultState(reg, PRESET_SEED).config;
  const config: RunConfig = { ...base, ...stripUndefined(patch) };
  config.cellOptions = cellOptionsFor(reg, config.cellId, patch.cellOptions);
  config.taskOptions = taskOptionsFor(reg, config.taskId, patch.taskOptions);
  return config;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A card's preset as a RunConfig patch (the cell's own options become cellOptions). */
export function presetPatch(cellId: string, preset: CellPreset | undefined): Partial<RunConfig> {
  const { options, ...rest } = preset ?? ({} as Partial<CellPreset>);
  return { ...rest, cellId, cellOptions: options };
}

/** The run a cell's card announces. */
export function cardConfig(reg: PresetRegistry, cellId: string): RunConfig {
  const cell = reg.cells.find((c) => c.id === cellId);
  return configFrom(reg, presetPatch(cellId, cell?.preset));
}

/** The run a lesson step announces (an unknown lesson or step reads as the nearest one). */
export function lessonStepConfig(reg: UrlRegistry, lessonId: string, stepIdx: number): RunConfig {
  const lesson = getLesson(lessonId);
  const step = lesson.steps[Math.max(0, Math.min(lesson.steps.length - 1, stepIdx))];
  return configFrom(reg, step.preset);
}

/** What a page announces, or null for a page that keeps the run it was given. */
export function announcedConfig(reg: PresetRegistry, ui: Pick<UrlUi, 'page' | 'lesson' | 'lessonStep'>, cellId: string): RunConfig | null {
  if (ui.page === 'cell') return cardConfig(reg, cellId);
  if (ui.page === 'lesson') return lessonStepConfig(reg, LESSON_IDS.includes(ui.lesson) ? ui.lesson : LESSON_IDS[0], ui.lessonStep);
  return null;
}

/**
 * Reads a link: the page's announced run with the link's own fields on top. A link without a
 * seed on a page that announces none draws one (the Playground's "surprise me").
 */
export function readLink(search: string, reg: PresetRegistry, randomSeed: () => number = randomSeedValue): ParseResult {
  const parsed = parseQuery(search, reg, randomSeed);
  const { state, present } = parsed;
  // The lesson and step a link names, read as the nearest ones that exist.
  const lesson = getLesson(state.ui.lesson);
  state.ui.lesson = lesson.id;
  state.ui.lessonStep = Math.min(state.ui.lessonStep, lesson.steps.length - 1);
  const base = announcedConfig(reg, state.ui, state.config.cellId);
  if (!base) return parsed;
  const config: RunConfig = { ...base };
  const target = config as unknown as Record<string, unknown>;
  const given = state.config as unknown as Record<string, unknown>;
  for (const field of present.config) if (field !== 'cellOptions' && field !== 'taskOptions') target[field] = given[field];
  // Options are the chosen cell's and task's: the preset's when the link keeps its cell/task,
  // the defaults otherwise, and the link's own values on top either way.
  const pick = (values: CellOptions, keys: Set<string>) => Object.fromEntries(Object.entries(values).filter(([k]) => keys.has(k)));
  config.cellOptions = { ...(config.cellId === base.cellId ? base.cellOptions : cellOptionsFor(reg, config.cellId)), ...pick(state.config.cellOptions, present.cellOptions) };
  const baseTask = config.taskId === base.taskId ? base.taskOptions : taskOptionsFor(reg, config.taskId);
  config.taskOptions = { ...baseTask, ...pick(state.config.taskOptions ?? {}, present.taskOptions) };
  return { ...parsed, state: { ...state, config } };
}
