// The demo gallery (issue 12, item 2): named demos that are only links to the app's state. A
// demo's title and one-line claim live in the i18n tables (gallery.demo.<id>.title|desc); the
// claims of the non-lesson demos are checked by tests/unit/gallery-claims.test.ts on the run
// their link announces, and the lesson demos point at a step whose own claims the
// lesson-claims tests prove.
import { getLesson, LESSON_IDS } from '../lessons/registry';
import { URL_VERSION } from '../store/url';

export interface Demo {
  id: string;
  /** The link's query, without '?'. Every run field the claim depends on is named (seed included). */
  query: string;
  /** A lesson demo: its lesson and step (title and description come from the lesson itself). */
  lesson?: { id: string; step: number };
}

const v = `v=${URL_VERSION}`;

/** The five named demos of the issue, each with a claim a short run shows. */
export const NAMED_DEMOS: readonly Demo[] = [
  {
    id: 'tanh-forgets',
    query: `${v}&page=playground&cell=rnn&opt.nonlinearity=tanh&task=adding&seqLen=60&hiddenSize=32&numLayers=1&learningRate=0.01&recurrentScale=0&clipNorm=1&seed=1`,
  },
  {
    id: 'lstm-remembers',
    query: `${v}&page=playground&cell=lstm&opt.forgetBias=5&task=adding&seqLen=110&hiddenSize=32&numLayers=1&learningRate=0.01&recurrentScale=0&clipNorm=1&seed=1`,
  },
  {
    id: 'exploding-clipping',
    query: `${v}&page=playground&cell=rnn&opt.nonlinearity=tanh&task=adding&seqLen=40&hiddenSize=32&numLayers=1&learningRate=0.01&recurrentScale=2&clipNorm=1&seed=1`,
  },
  {
    id: 'irnn-vs-rnn',
    query: `${v}&page=compare&compare=rnn,irnn&cell=rnn&task=adding&seqLen=50&hiddenSize=32&numLayers=1&learningRate=0.001&recurrentScale=0&clipNorm=1&seed=1`,
  },
  {
    id: 'urnn-norm',
    query: `${v}&page=playground&cell=urnn&task=adding&seqLen=100&hiddenSize=32&numLayers=1&learningRate=0.001&recurrentScale=0&clipNorm=1&seed=1`,
  },
];

/** The step (by id) a lesson's demo opens where it is not the first: a link to a chosen step. */
const LESSON_STEP: Record<string, string> = {
  // The gradient through time and the Jacobians on one screen: the lesson's argument in a picture.
  'vanishing-gradients': 'backward',
};

/** One demo per lesson: its first step, or the step LESSON_STEP names. */
export const LESSON_DEMOS: readonly Demo[] = LESSON_IDS.map((id) => {
  const step = Math.max(0, getLesson(id).steps.findIndex((s) => s.id === LESSON_STEP[id]));
  return { id: `lesson-${id}`, query: `${v}&page=lesson&lesson=${id}&lstep=${step}`, lesson: { id, step } };
});

export const DEMOS: readonly Demo[] = [...NAMED_DEMOS, ...LESSON_DEMOS];
