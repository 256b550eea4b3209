// The course as a whole: every cell of the catalogue is trained live in at least one lesson step
// (the step's preset names it, or the step's Compare button opens it), the bidirectional wrapper is
// shown (a step with bidirectional: true), every widget and control a step lists is one the page
// can draw, and each step's `opt.*` control is an option of the step's own cell.
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { LESSONS } from '../../src/lessons/registry';
import type { LessonWidget } from '../../src/lessons/types';

const WIDGETS: LessonWidget[] = ['heatmaps', 'gradnorm', 'loss', 'spectrum', 'jacobians', 'saturation', 'clip', 'memory', 'params', 'samples'];
const SLIDERS = ['hiddenSize', 'numLayers', 'seqLen', 'learningRate', 'recurrentScale', 'clipNorm', 'svClip'];
const steps = LESSONS.flatMap((l) => l.steps.map((s) => ({ lesson: l.id, step: s })));

describe('lesson coverage', () => {
  it('every cell of the catalogue is trained in some lesson step (its preset or its Compare list)', () => {
    const taught = new Set(steps.flatMap(({ step }) => [step.preset.cellId, ...(step.compare ?? [])]));
    expect(cellList.map((c) => c.id).filter((id) => !taught.has(id))).toEqual([]);
  });

  it('the bidirectional wrapper is trained in a lesson step', () => {
    expect(steps.filter(({ step }) => step.preset.bidirectional === true).map(({ lesson, step }) => `${lesson}/${step.id}`)).not.toEqual([]);
  });

  it('every widget and control a step lists exists, and an option control belongs to the step’s cell', () => {
    const bad: string[] = [];
    for (const { lesson, step } of steps) {
      const where = `${lesson}/${step.id}`;
      for (const w of step.widgets ?? []) if (!WIDGETS.includes(w)) bad.push(`${where}: widget ${w}`);
      if (new Set(step.widgets ?? []).size !== (step.widgets ?? []).length) bad.push(`${where}: a widget twice`);
      const cell = cellList.find((c) => c.id === step.preset.cellId);
      for (const c of step.controls ?? []) {
        if (c.startsWith('opt.')) {
          if (!cell?.options.some((o) => o.key === c.slice(4))) bad.push(`${where}: ${step.preset.cellId} has no option ${c}`);
        } else if (!SLIDERS.includes(c)) bad.push(`${where}: control ${c}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('step ids are unique within a lesson, and lesson ids across the course', () => {
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    for (const l of LESSONS) expect(new Set(l.steps.map((s) => s.id)).size, l.id).toBe(l.steps.length);
  });
});
