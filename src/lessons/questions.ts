// The answer logic of a lesson's check questions, free of React so Node tests use it as the page
// does: a choice is right or wrong and always explains itself (`${textKey}.${choice}.why`); a live
// question passes when its check accepts the live state (config, latest telemetry, latest
// instruments), and says `.ok` then, `.hint` until then.
import type { RunConfig, Telemetry } from '../protocol/messages';
import type { InstrumentSnapshot } from '../engine/instruments/types';
import type { LessonQuestion, LiveCheckState, LiveExample } from './types';

export type ChoiceQuestion = Extract<LessonQuestion, { kind: 'choice' }>;
export type LiveQuestion = Extract<LessonQuestion, { kind: 'live' }>;

export interface ChoiceVerdict {
  correct: boolean;
  /** The i18n key of the chosen choice's explanation. */
  whyKey: string;
}

export function questionKey(q: LessonQuestion): string {
  return `${q.textKey}.q`;
}

export function choiceKey(q: ChoiceQuestion, choice: string): string {
  return `${q.textKey}.${choice}`;
}

/** Right or wrong, with the explanation of the choice picked. */
export function answerChoice(q: ChoiceQuestion, choice: string): ChoiceVerdict {
  return { correct: choice === q.answer, whyKey: `${q.textKey}.${choice}.why` };
}

export interface LiveVerdict {
  pass: boolean;
  /** `.ok` when it passes, `.hint` while it does not. */
  key: string;
}

/** The live check on the store's state; a check that throws (a field not there yet) has not passed. */
export function checkLive(q: LiveQuestion, s: LiveCheckState): LiveVerdict {
  let pass = false;
  try {
    pass = q.check(s) === true;
  } catch {
    pass = false;
  }
  return { pass, key: `${q.textKey}.${pass ? 'ok' : 'hint'}` };
}

/** Every i18n key a question shows. */
export function questionKeys(q: LessonQuestion): string[] {
  if (q.kind === 'choice') return [questionKey(q), ...q.choices.flatMap((c) => [choiceKey(q, c), `${q.textKey}.${c}.why`])];
  return [questionKey(q), `${q.textKey}.ok`, `${q.textKey}.hint`];
}

/**
 * A test state for a live question: `base` (the defaults, or configFrom(registry, …)) with the
 * question's preset and the example's config on top, the example's telemetry and instruments (null
 * when it gives none).
 */
export function liveExampleState(q: LiveQuestion, base: RunConfig, ex: LiveExample | null): LiveCheckState {
  const config: RunConfig = { ...base, ...q.preset, ...ex?.config };
  config.cellOptions = { ...base.cellOptions, ...q.preset.cellOptions, ...ex?.config?.cellOptions };
  return {
    config,
    telemetry: (ex?.telemetry ?? null) as Telemetry | null,
    instruments: (ex?.instruments ?? null) as InstrumentSnapshot | null,
  };
}
