// A lesson is data: each step names its text, the run it wants, the equations to highlight, the
// live widget to put first and the sliders the reader is asked to drag.
import type { RunConfig } from '../worker/protocol';

/**
 * What a step may put beside its text: a numeric run setting's slider (see ConfigSlider) or one
 * of the step's cell's own options, as `opt.<key>` (e.g. 'opt.forgetBias'; see LessonControls).
 */
export type LessonControl = 'hiddenSize' | 'numLayers' | 'seqLen' | 'learningRate' | 'recurrentScale' | 'clipNorm' | 'svClip' | `opt.${string}`;

export interface LessonStep {
  id: string;
  /** Prefix of the i18n keys: `${textKey}.title` and `${textKey}.body`. */
  textKey: string;
  /** Applied to the store when the step is entered; unchanged fields keep the run going. */
  preset: Partial<RunConfig>;
  /** Equation / gate ids to emphasise, in the order the step discusses them. */
  highlight: string[];
  /** The live widget the step is about: the gate heatmaps (default) or the gradient profile. */
  focus?: 'heatmaps' | 'gradnorm';
  /** Sliders shown with the step, so the reader changes the model right where the text says so. */
  controls?: LessonControl[];
  /** A button that opens the Compare page on these cells with the step's task. */
  compare?: string[];
}

export interface Lesson {
  id: string;
  /** i18n keys of the lesson's title and one-line summary. */
  titleKey: string;
  summaryKey: string;
  steps: LessonStep[];
}
