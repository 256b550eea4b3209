// Every check question of every lesson: its right choice is accepted and every choice, right or
// wrong, explains itself in English and in Chinese; a live question's check accepts the state its
// `example.pass` describes, rejects `example.fail`, does not pass on its untouched preset before
// any telemetry, and asks for a slider that exists. Every lesson ends with two or more questions
// and cites its papers.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { LESSONS } from '../../src/lessons/registry';
import { answerChoice, checkLive, liveExampleState, questionKeys } from '../../src/lessons/questions';
import type { LessonQuestion } from '../../src/lessons/types';
import { configFrom } from '../../src/store/page-config';
import { cellList } from '../../src/cells/registry';
import { taskList } from '../../src/engine/tasks/registry';
import type { UrlRegistry } from '../../src/store/url';

const catalog: UrlRegistry = {
  cells: cellList.map((c) => ({ id: c.id, options: c.options ?? [] })),
  tasks: taskList.map((t) => ({ id: t.id, options: t.options ?? [] })),
};
const EN = en as Record<string, string>;
const ZH = zh as Record<string, string>;
const HAN = /[\u4e00-\u9fff]/;
const SLIDERS = ['hiddenSize', 'numLayers', 'seqLen', 'learningRate', 'recurrentScale', 'clipNorm', 'svClip'];

const all: [string, LessonQuestion][] = LESSONS.flatMap((l) => (l.questions ?? []).map((q) => [`${l.id}/${q.id}`, q] as [string, LessonQuestion]));

describe('check questions', () => {
  it('the answer logic marks right and wrong and names the picked choice’s explanation', () => {
    const q = { kind: 'choice' as const, id: 'x', textKey: 'k', choices: ['a', 'b'], answer: 'b' };
    expect(answerChoice(q, 'b')).toEqual({ correct: true, whyKey: 'k.b.why' });
    expect(answerChoice(q, 'a')).toEqual({ correct: false, whyKey: 'k.a.why' });
    const live = {
      kind: 'live' as const, id: 'y', textKey: 'l', preset: {}, control: 'hiddenSize' as const,
      check: (s: { config: { hiddenSize: number } }) => s.config.hiddenSize > 40,
      example: { pass: { config: { hiddenSize: 64 } }, fail: { config: { hiddenSize: 8 } } },
    };
    const base = configFrom(catalog, {});
    expect(checkLive(live, liveExampleState(live, base, live.example.pass))).toEqual({ pass: true, key: 'l.ok' });
    expect(checkLive(live, liveExampleState(live, base, live.example.fail))).toEqual({ pass: false, key: 'l.hint' });
    // A check that reads telemetry before there is any has not passed (and does not crash the page).
    const reads = { ...live, check: (s: { telemetry: { step: number } | null }) => s.telemetry!.step > 3 };
    expect(checkLive(reads, liveExampleState(reads, base, null)).pass).toBe(false);
  });

  it('every lesson ends with two or more questions and cites its papers', () => {
    const short = LESSONS.filter((l) => (l.questions?.length ?? 0) < 2).map((l) => l.id);
    const noPapers = LESSONS.filter((l) => !(l.papers?.length)).map((l) => l.id);
    expect({ short, noPapers }).toEqual({ short: [], noPapers: [] });
  });

  it('papers are cited with authors, a year, a title and a public address', () => {
    for (const l of LESSONS) {
      for (const p of l.papers ?? []) {
        const where = `${l.id}: ${p.title}`;
        expect(p.authors.trim().length, where).toBeGreaterThan(1);
        expect(p.title.trim().length, where).toBeGreaterThan(3);
        expect(p.year, where).toBeGreaterThanOrEqual(1950);
        expect(p.year, where).toBeLessThanOrEqual(2026);
        expect(p.url, where).toMatch(/^https:\/\/[^\s]+$/);
      }
    }
  });

  it('question ids are unique within a lesson', () => {
    for (const l of LESSONS) {
      const ids = (l.questions ?? []).map((q) => q.id);
      expect(new Set(ids).size, l.id).toBe(ids.length);
    }
  });

  it('every question’s text exists in English and Chinese, and the Chinese is Chinese', () => {
    const missing: string[] = [];
    for (const [where, q] of all) {
      for (const key of questionKeys(q)) {
        if (!EN[key]?.trim()) missing.push(`${where} en:${key}`);
        if (!ZH[key]?.trim()) missing.push(`${where} zh:${key}`);
        else if (!HAN.test(ZH[key]) && ZH[key] === EN[key] && /[A-Za-z]{3}/.test(ZH[key])) missing.push(`${where} zh untranslated:${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('the right choice is accepted, every wrong one is rejected and explained', () => {
    const bad: string[] = [];
    for (const [where, q] of all) {
      if (q.kind !== 'choice') continue;
      if (q.choices.length < 2) bad.push(`${where}: fewer than two choices`);
      if (new Set(q.choices).size !== q.choices.length) bad.push(`${where}: a choice twice`);
      if (!q.choices.includes(q.answer)) bad.push(`${where}: the answer ${q.answer} is not a choice`);
      for (const c of q.choices) {
        const v = answerChoice(q, c);
        if (v.correct !== (c === q.answer)) bad.push(`${where}/${c}: marked ${v.correct}`);
        for (const [lang, table] of [['en', EN], ['zh', ZH]] as const) {
          if (!(table[v.whyKey]?.trim().length > 10)) bad.push(`${where}/${c}: no ${lang} explanation`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('live questions: the check accepts its passing example, rejects its failing one and the untouched preset', () => {
    const bad: string[] = [];
    for (const [where, q] of all) {
      if (q.kind !== 'live') continue;
      if (!q.control.startsWith('opt.') && !SLIDERS.includes(q.control)) bad.push(`${where}: no slider ${q.control}`);
      if (q.control.startsWith('opt.')) {
        const cell = cellList.find((c) => c.id === (q.preset.cellId ?? 'rnn'));
        if (!cell?.options.some((o) => `opt.${o.key}` === q.control)) bad.push(`${where}: ${q.preset.cellId} has no option ${q.control}`);
      }
      if (!q.example) {
        bad.push(`${where}: no example`);
        continue;
      }
      const state = (ex: typeof q.example.pass | null) => liveExampleState(q, configFrom(catalog, { ...q.preset, ...ex?.config }), ex);
      if (!checkLive(q, state(q.example.pass)).pass) bad.push(`${where}: example.pass does not pass`);
      if (checkLive(q, state(q.example.fail)).pass) bad.push(`${where}: example.fail passes`);
      if (checkLive(q, state(null)).pass) bad.push(`${where}: passes on the untouched preset before any telemetry`);
    }
    expect(bad).toEqual([]);
  });
});
