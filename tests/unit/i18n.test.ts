// String tables: Chinese covers every English key (the list of missing ones is the failure
// message), placeholders fill in, and a missing key falls back to English.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { gateLabel, missingKeys, translate } from '../../src/i18n';
import { lstmStepByStep } from '../../src/lessons/lstm-step-by-step';
import { LESSONS } from '../../src/lessons/registry';
import { partsFor } from '../../src/cells/types';
import { cellList, hasCell } from '../../src/cells/registry';
import { getCell } from '../../src/cells/registry';

describe('i18n', () => {
  it('has a Chinese string for every English key', () => {
    expect(missingKeys('zh')).toEqual([]);
  });

  it('has no Chinese keys that English lacks', () => {
    expect(Object.keys(zh).filter((k) => !(k in en))).toEqual([]);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'lesson.stepOf', { n: 2, total: 6 })).toBe('Step 2 of 6');
    expect(translate('zh', 'lesson.stepOf', { n: 2, total: 6 })).toBe('第 2 步，共 6 步');
    expect(translate('en', 'lesson.stepOf', { n: 2 })).toBe('Step 2 of {total}');
  });

  it('every lesson has a title and summary, and every step a title and body, in both languages', () => {
    for (const lesson of LESSONS) {
      for (const key of [lesson.titleKey, lesson.summaryKey]) {
        expect(key in en, key).toBe(true);
        expect((zh as Record<string, string>)[key], key).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    for (const step of LESSONS.flatMap((l) => l.steps)) {
      for (const part of ['title', 'body']) {
        const key = `${step.textKey}.${part}`;
        expect(key in en, key).toBe(true);
        expect((zh as Record<string, string>)[key], key).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('the LSTM lesson meets the forget gate before the input gate and highlights every gate and state of the LSTM', () => {
    const ids = lstmStepByStep.steps.map((s) => s.id);
    expect(ids.indexOf('forget')).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf('forget')).toBeLessThan(ids.indexOf('input'));
    const lstmSteps = lstmStepByStep.steps.filter((s) => (s.preset.cellId ?? 'lstm') === 'lstm');
    const lstmIds = new Set(getCell('lstm').equations.map((e) => e.id));
    for (const s of lstmSteps) for (const h of s.highlight) expect(lstmIds.has(h), h).toBe(true);
    const highlighted = new Set(lstmSteps.flatMap((s) => s.highlight));
    for (const id of ['f', 'i', 'g', 'o', 'c', 'h']) expect(highlighted.has(id), `the lesson highlights ${id}`).toBe(true);
  });

  it('every lesson step names a known cell, highlights ids that cell has (gates, states, equations), and compares known cells', () => {
    for (const lesson of LESSONS) {
      for (const step of lesson.steps) {
        const where = `${lesson.id}/${step.id}`;
        const cellId = step.preset.cellId;
        expect(cellId && hasCell(cellId), `${where} names a cell`).toBeTruthy();
        const parts = partsFor(getCell(cellId!), step.preset.cellOptions);
        // A gate or state (highlighted in the heatmaps and equations) or an equation of the cell.
        const ids = new Set([...parts.gates, ...parts.states, ...parts.equations].map((g) => g.id));
        for (const h of step.highlight) expect(ids.has(h), `${where} highlights ${h}`).toBe(true);
        for (const c of step.compare ?? []) expect(hasCell(c), `${where} compares ${c}`).toBe(true);
      }
    }
  });

  it('every gate and visible state of every cell has a Chinese label', () => {
    const missing: string[] = [];
    for (const cell of cellList) {
      for (const g of [...cell.gates, ...cell.states.filter((s) => !s.hidden)]) {
        if (gateLabel('zh', g.id, '\u0000', cell.zh?.gateLabels) === '\u0000') missing.push(`${cell.id}.${g.id}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
