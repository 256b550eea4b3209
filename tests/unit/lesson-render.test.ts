// Every step of every lesson renders (server-side, the page's own components) in English and in
// Chinese: no missing key (a missing string would crash RichText or show a raw key), no stub text,
// the Chinese page reads in Chinese, the last step shows the questions, the papers and the way to
// the next lesson; every key a lesson's data references exists in both tables.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { taskList } from '../../src/engine/tasks/registry';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { LESSONS } from '../../src/lessons/registry';
import { questionKeys } from '../../src/lessons/questions';
import { textOutsideMath } from '../../src/i18n/prose';
import type { Lesson } from '../../src/lessons/types';
import { createAppStore, installStore } from '../../src/store';
import { defaultState, type UrlRegistry } from '../../src/store/url';
import { LessonPage } from '../../src/components/Lesson';

const catalog: UrlRegistry = {
  cells: cellList.map((c) => ({ id: c.id, options: c.options ?? [] })),
  tasks: taskList.map((t) => ({ id: t.id, options: t.options ?? [] })),
};
const EN = en as Record<string, string>;
const ZH = zh as Record<string, string>;

/** Every i18n key a lesson's data names. */
export function lessonKeys(l: Lesson): string[] {
  return [
    l.titleKey, l.summaryKey,
    ...l.steps.flatMap((s) => [`${s.textKey}.title`, `${s.textKey}.body`]),
    ...(l.questions ?? []).flatMap(questionKeys),
  ];
}

function render(lessonId: string, step: number, lang: 'en' | 'zh'): string {
  const state = defaultState(catalog);
  state.ui = { ...state.ui, page: 'lesson', lesson: lessonId, lessonStep: step, lang };
  installStore(createAppStore(state));
  return renderToStaticMarkup(createElement(LessonPage));
}

const visibleText = (html: string) => html.replace(/<span class="katex-mathml">.*?<\/span>/g, '').replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/g, ' ');

describe('lessons render in both languages', () => {
  it('every key a lesson references exists in English and Chinese, and the Chinese is translated', () => {
    const bad: string[] = [];
    for (const l of LESSONS) {
      for (const key of lessonKeys(l)) {
        const e = EN[key];
        const z = ZH[key];
        if (!e?.trim()) bad.push(`${l.id}: en ${key} missing`);
        if (!z?.trim()) bad.push(`${l.id}: zh ${key} missing`);
        // Chinese words, or nothing but maths, code and numbers (a choice like "$\\rho = 1$").
        else if (!/[\u4e00-\u9fff]/.test(z) && /[A-Za-z]{2}/.test(textOutsideMath(z))) bad.push(`${l.id}: zh ${key} has no Chinese`);
        if (/\bTODO\b/.test(e ?? '') || /\bTODO\b/.test(z ?? '')) bad.push(`${l.id}: ${key} is a stub`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('every step of every lesson renders in English and Chinese, the last with questions, papers and the next lesson', () => {
    const bad: string[] = [];
    for (const [li, l] of LESSONS.entries()) {
      for (let i = 0; i < l.steps.length; i++) {
        for (const lang of ['en', 'zh'] as const) {
          let html = '';
          try {
            html = render(l.id, i, lang);
          } catch (e) {
            bad.push(`${l.id} step ${i + 1} ${lang}: ${(e as Error).message.slice(0, 100)}`);
            continue;
          }
          const text = visibleText(html);
          if (!html.includes(`data-lesson="${l.id}"`) || !html.includes(`data-testid="lesson-step-${i}"`)) bad.push(`${l.id} step ${i + 1} ${lang}: not shown`);
          if (/\blessons\.[a-z-]+\.|\bgloss\.|undefined/.test(text)) bad.push(`${l.id} step ${i + 1} ${lang}: a raw key or undefined on the page`);
          if (lang === 'zh' && !/[\u4e00-\u9fff]{8,}/.test(text)) bad.push(`${l.id} step ${i + 1} zh: no Chinese text`);
          // Every lesson is listed in the index, with its steps.
          for (const other of LESSONS) if (!html.includes(`data-testid="lesson-choice-${other.id}"`)) bad.push(`${l.id} ${lang}: the index lacks ${other.id}`);
          const lastStep = i === l.steps.length - 1;
          if (lastStep) {
            if ((l.questions?.length ?? 0) > 0 && !html.includes('data-testid="lesson-questions"')) bad.push(`${l.id} ${lang}: no questions after the last step`);
            if ((l.papers?.length ?? 0) > 0 && !html.includes('data-testid="lesson-papers"')) bad.push(`${l.id} ${lang}: no papers`);
            const next = li < LESSONS.length - 1 ? 'lesson-next-lesson' : 'lesson-last';
            if (!html.includes(`data-testid="${next}"`)) bad.push(`${l.id} ${lang}: no ${next}`);
          } else if (html.includes('data-testid="lesson-end"')) bad.push(`${l.id} step ${i + 1}: the end shown before the last step`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
