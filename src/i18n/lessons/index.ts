// Every lesson's text (and the glossary's), one module per lesson so each can be written on its own; en.ts and zh.ts
// spread these into the app's tables.
import * as recurrence from './recurrence';
import * as vanishingGradients from './vanishing-gradients';
import * as lstmStepByStep from './lstm-step-by-step';
import * as gruStepByStep from './gru-step-by-step';
import * as gatesSelectivity from './gates-selectivity';
import * as threeMechanisms from './three-mechanisms';
import * as timeScales from './time-scales';
import * as specialInit from './special-init';
import * as multiscaleStatistics from './multiscale-statistics';
import * as longMemory from './long-memory';
import * as multiplicative from './multiplicative';
import * as bidirectionalDeep from './bidirectional-deep';
import * as charLm from './char-lm';
import * as glossary from './glossary';

export const lessonTextEn = {
  ...recurrence.en,
  ...vanishingGradients.en,
  ...lstmStepByStep.en,
  ...gruStepByStep.en,
  ...gatesSelectivity.en,
  ...threeMechanisms.en,
  ...timeScales.en,
  ...specialInit.en,
  ...multiscaleStatistics.en,
  ...longMemory.en,
  ...multiplicative.en,
  ...bidirectionalDeep.en,
  ...charLm.en,
  ...glossary.en,
} as const;

export const lessonTextZh: Record<keyof typeof lessonTextEn, string> = {
  ...recurrence.zh,
  ...vanishingGradients.zh,
  ...lstmStepByStep.zh,
  ...gruStepByStep.zh,
  ...gatesSelectivity.zh,
  ...threeMechanisms.zh,
  ...timeScales.zh,
  ...specialInit.zh,
  ...multiscaleStatistics.zh,
  ...longMemory.zh,
  ...multiplicative.zh,
  ...bidirectionalDeep.zh,
  ...charLm.zh,
  ...glossary.zh,
};
