// Every lesson, in the order the lesson page lists them. Plain data: the page can show the text
// before tfjs or the cell registry has loaded.
import { lstmStepByStep } from './lstm-step-by-step';
import { threeMechanisms } from './three-mechanisms';
import type { Lesson } from './types';
import { vanishingGradients } from './vanishing-gradients';

export const LESSONS: readonly Lesson[] = [vanishingGradients, lstmStepByStep, threeMechanisms];
export const LESSON_IDS: readonly string[] = LESSONS.map((l) => l.id);
export const DEFAULT_LESSON = LESSONS[0].id;

export function getLesson(id: string): Lesson {
  return LESSONS.find((l) => l.id === id) ?? LESSONS[0];
}
