// A lesson is data: each step names its text, the run it wants, the equations to highlight, the
// live widgets to show and the sliders the reader is asked to drag; the lesson ends with check
// questions and cites its papers.
import type { InstrumentSnapshot, RunConfig, Telemetry } from '../protocol/messages';

/**
 * What a step may put beside its text: a numeric run setting's slider (see ConfigSlider) or one
 * of the step's cell's own options, as `opt.<key>` (e.g. 'opt.forgetBias'; see LessonControls).
 */
export type LessonControl = 'hiddenSize' | 'numLayers' | 'seqLen' | 'learningRate' | 'recurrentScale' | 'clipNorm' | 'svClip' | `opt.${string}`;

/**
 * The live views a step can show, in the order listed (the first is drawn largest):
 * heatmaps (gates and states over the probe sequence), gradnorm (‖∂L/∂h_t‖ per t), loss,
 * spectrum (eigenvalues of W_hh against the unit circle), jacobians (‖∂h_T/∂h_t‖, ‖∂h_T/∂x_t‖),
 * saturation (gate histograms), clip (raw vs clipped gradient norm), memory (long-memory fit),
 * params (a PyTorch parameter counter with its own size sliders), samples (text sampled from a
 * character model, with a temperature slider, and the hidden units that track quotes/line ends).
 */
export type LessonWidget = 'heatmaps' | 'gradnorm' | 'loss' | 'spectrum' | 'jacobians' | 'saturation' | 'clip' | 'memory' | 'params' | 'samples';

export interface LessonStep {
  id: string;
  /** Prefix of the i18n keys: `${textKey}.title` and `${textKey}.body`. */
  textKey: string;
  /** The run the step announces (on top of the defaults; see src/store/page-config.ts). */
  preset: Partial<RunConfig>;
  /** Equation / gate ids to emphasise, in the order the step discusses them. */
  highlight: string[];
  /** Legacy shorthand: 'gradnorm' = widgets ['gradnorm', 'heatmaps', 'loss']. */
  focus?: 'heatmaps' | 'gradnorm';
  /** The live views beside the text, first drawn largest; default ['heatmaps', 'loss', 'gradnorm']. */
  widgets?: LessonWidget[];
  /** Sliders shown with the step, so the reader changes the model right where the text says so. */
  controls?: LessonControl[];
  /** A button that opens the Compare page on these cells with the step's task. */
  compare?: string[];
}

/** What a live question's check sees: the run's config and the latest telemetry and instruments. */
export interface LiveCheckState {
  config: RunConfig;
  /** Latest training telemetry (loss, accuracy, gradient norms per t …), null before the first step. */
  telemetry: Telemetry | null;
  /** Latest instruments snapshot (spectrum, Jacobian norms …), null when not computed yet. */
  instruments: InstrumentSnapshot | null;
}

/**
 * A check question at the end of a lesson. Text keys, all under `textKey`:
 *   `.q` the question; choice: `.<choiceId>` each choice and `.<choiceId>.why` the explanation
 *   shown when it is picked (right or wrong); live: `.ok` shown when the check passes, `.hint`
 *   shown while it does not.
 */
export type LessonQuestion =
  | { kind: 'choice'; id: string; textKey: string; choices: string[]; answer: string }
  | {
      kind: 'live';
      id: string;
      textKey: string;
      /** The run the question starts from (like a step's preset) and the slider it asks for. */
      preset: Partial<RunConfig>;
      control: LessonControl;
      /** True when the live model shows what the question asks (it must not throw on null telemetry/instruments). */
      check: (s: LiveCheckState) => boolean;
      /**
       * Two states for the unit test (tests/unit/lesson-questions.test.ts), each laid over the
       * defaults ⊕ `preset` (see liveExampleState in src/lessons/questions.ts): `pass` must pass
       * `check`, `fail` must not. Write them from what the model really shows (e.g. the telemetry
       * fields the check reads, with the values a run past / short of the goal reports). The test
       * also asks that the check does not pass on the untouched preset with no telemetry yet.
       * Optional in the type only so a question being written still compiles: the test requires it.
       */
      example?: { pass: LiveExample; fail: LiveExample };
    };

/** A state for a live question's test: config fields over the question's preset, and the parts of telemetry/instruments its check reads. */
export interface LiveExample {
  config?: Partial<RunConfig>;
  telemetry?: Partial<Telemetry>;
  instruments?: Partial<InstrumentSnapshot>;
}

/** A paper the lesson draws on, cited as a reader would (titles stay in their language). */
export interface Paper {
  authors: string;
  year: number;
  title: string;
  url: string;
}

export interface Lesson {
  id: string;
  /** i18n keys of the lesson's title and one-line summary. */
  titleKey: string;
  summaryKey: string;
  steps: LessonStep[];
  /** Two or more, answered after the last step. */
  questions?: LessonQuestion[];
  papers?: Paper[];
}
