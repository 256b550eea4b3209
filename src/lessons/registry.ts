// Every lesson, in the order the lesson page lists them. Plain data: the page can show the text
// before tfjs or the cell registry has loaded.
import { recurrence } from './recurrence';
import { vanishingGradients } from './vanishing-gradients';
import { lstmStepByStep } from './lstm-step-by-step';
import { gruStepByStep } from './gru-step-by-step';
import { gatesSelectivity } from './gates-selectivity';
import { threeMechanisms } from './three-mechanisms';
import { timeScales } from './time-scales';
import { specialInit } from './special-init';
import { multiscaleStatistics } from './multiscale-statistics';
import { longMemory } from './long-memory';
import { multiplicative } from './multiplicative';
import { bidirectionalDeep } from './bidirectional-deep';
import { charLm } from './char-lm';
import type { Lesson } from './types';

export const LESSONS: readonly Lesson[] = [
  recurrence,
  vanishingGradients,
  lstmStepByStep,
  gruStepByStep,
  gatesSelectivity,
  threeMechanisms,
  timeScales,
  specialInit,
  multiscaleStatistics,
  longMemory,
  multiplicative,
  bidirectionalDeep,
  charLm,
];
export const LESSON_IDS: readonly string[] = LESSONS.map((l) => l.id);
export const DEFAULT_LESSON = LESSONS[0].id;

export function getLesson(id: string): Lesson {
  return LESSONS.find((l) => l.id === id) ?? LESSONS[0];
}
