// A lesson is data: each step names its text, the run it wants, and the equations to highlight.
import type { RunConfig } from '../worker/protocol';

export interface LessonStep {
  id: string;
  /** Prefix of the i18n keys: `${textKey}.title` and `${textKey}.body`. */
  textKey: string;
  /** Applied to the store when the step is entered; unchanged fields keep the run going. */
  preset: Partial<RunConfig>;
  /** Equation / gate ids to emphasise, in the order the step discusses them. */
  highlight: string[];
}

export interface Lesson {
  id: string;
  titleKey: string;
  cellId: string;
  steps: LessonStep[];
}
