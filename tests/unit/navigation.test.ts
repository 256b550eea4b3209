// Every page starts from the run it announces: a card from its preset, a lesson step from the
// step's preset, the rest from the defaults — never from the page visited before. A link reads on
// top of what its page announces, so a short link gives the page's run and a full one the sender's.
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { cellMeta, readTasks } from '../../src/store/catalog';
import * as taskRegistry from '../../src/engine/tasks/registry';
import { createAppStore } from '../../src/store';
import { defaultState, sanitizeQuery, serializeQuery } from '../../src/store/url';
import { cardConfig, configFrom, lessonStepConfig, readLink, PRESET_SEED } from '../../src/store/page-config';
import { goToLessonStep, goToPage, navigate, openCard, placeKey, resetToPreset } from '../../src/store/navigation';
import { urlStateOf } from '../../src/store';
import { LESSONS } from '../../src/lessons/registry';
import { stepKeyAction } from '../../src/components/Lesson';

const catalog = { cells: cellList.map(cellMeta), tasks: readTasks(taskRegistry as unknown as Record<string, unknown>) };
const read = (q: string) => readLink(q, catalog, () => 777);

function makeStore() {
  const store = createAppStore(defaultState(catalog, 5));
  store.getState().setCatalog(catalog);
  return store;
}

describe('a card starts from exactly the run it announces', () => {
  it('every field the preset leaves out is the default, whatever was set before', () => {
    const store = makeStore();
    openCard(store, 'dilated');
    expect(store.getState().config.numLayers).toBe(cellList.find((c) => c.id === 'dilated')!.preset?.numLayers ?? 1);
    // The reader then changes things on the Dilated card …
    store.getState().setConfig({ numLayers: 3, hiddenSize: 100, bidirectional: true, batchSize: 7, recurrentScale: 2.5 });
    for (const id of ['lstm', 'urnn', 'rnn', 'gru', 'irnn']) {
      openCard(store, id);
      expect(store.getState().config).toEqual(cardConfig(catalog, id));
      expect(store.getState().ui.page).toBe('cell');
    }
    openCard(store, 'lstm');
    expect(store.getState().config.numLayers).toBe(cellList.find((c) => c.id === 'lstm')!.preset?.numLayers ?? 1);
  });

  it('a card config is the defaults with the preset on top, seed 1 unless the preset names one', () => {
    for (const cell of cellList) {
      const config = cardConfig(catalog, cell.id);
      const p = cell.preset;
      expect(config.cellId).toBe(cell.id);
      expect(config.seed).toBe(p?.seed ?? PRESET_SEED);
      if (p) {
        expect(config.taskId).toBe(p.taskId);
        for (const k of ['seqLen', 'hiddenSize', 'numLayers', 'learningRate', 'clipNorm', 'batchSize', 'bidirectional'] as const)
          if (p[k] !== undefined) expect(config[k]).toBe(p[k]);
        for (const [k, v] of Object.entries(p.options ?? {})) expect(config.cellOptions[k]).toBe(v);
      }
      const d = defaultState(catalog, 1).config;
      if (p?.numLayers === undefined) expect(config.numLayers).toBe(d.numLayers);
      if (p?.bidirectional === undefined) expect(config.bidirectional).toBe(d.bidirectional);
      if (p?.batchSize === undefined) expect(config.batchSize).toBe(d.batchSize);
    }
  });

  it('"Back to the preset" restores every field, including ones the preset does not name', () => {
    const store = makeStore();
    openCard(store, 'irnn');
    store.getState().setConfig({ numLayers: 3, seed: 99, batchSize: 5, learningRate: 0.1 });
    resetToPreset(store, 'irnn');
    expect(store.getState().config).toEqual(cardConfig(catalog, 'irnn'));
  });

  it('a loaded weight file does not follow the reader to another card', () => {
    const store = makeStore();
    store.getState().loadWeights({ name: 'w.json', values: {}, notes: [] });
    openCard(store, 'gru');
    expect(store.getState().weights.loaded).toBeNull();
  });
});

describe('links read on top of what their page announces', () => {
  it('a short card link gives the same run as a click on the tile', () => {
    for (const id of ['irnn', 'dilated', 'clockwork', 'lstm']) {
      const { state } = read(`?page=cell&cell=${id}`);
      expect(state.config).toEqual(cardConfig(catalog, id));
    }
  });

  it("a lesson link keeps the reader's changed slider over the step's preset", () => {
    const lesson = LESSONS[0];
    const q = `?page=lesson&lesson=${lesson.id}&lstep=2&recurrentScale=0.7`;
    const { state } = read(q);
    expect(state.config.recurrentScale).toBe(0.7);
    const announced = lessonStepConfig(catalog, lesson.id, 2);
    expect({ ...state.config, recurrentScale: announced.recurrentScale }).toEqual(announced);
  });

  it('a full link written on any page reads back as exactly that state', () => {
    const store = makeStore();
    goToLessonStep(store, LESSONS[0].id, 2);
    store.getState().setConfig({ recurrentScale: 0.7, seed: 4321 });
    store.getState().setCellOption('nonlinearity', 'relu');
    const written = urlStateOf(store.getState());
    const back = read(serializeQuery(written)).state;
    expect(back.config).toEqual(written.config);
    expect(back.ui).toEqual(written.ui);

    openCard(store, 'narx');
    store.getState().setConfig({ hiddenSize: 20 });
    const card = urlStateOf(store.getState());
    expect(read(serializeQuery(card)).state).toEqual(card);
  });

  it('a link to another cell on a card page takes that cell\'s defaults, not the preset\'s options', () => {
    const { state } = read('?page=lesson&lesson=vanishing-gradients&lstep=0&cell=gru');
    expect(state.config.cellId).toBe('gru');
    expect(state.config.cellOptions).toEqual(configFrom(catalog, { cellId: 'gru' }).cellOptions);
  });

  it('an invalid field falls back to the page\'s preset, not the schema default', () => {
    const { state, notices } = read('?page=cell&cell=irnn&seqLen=abc');
    expect(state.config.seqLen).toBe(cardConfig(catalog, 'irnn').seqLen);
    expect(notices.map((n) => n.key)).toContain('seqLen');
  });

  it('an out-of-range step reads as the last step', () => {
    const lesson = LESSONS[0];
    const { state } = read(`?page=lesson&lesson=${lesson.id}&lstep=40`);
    expect(state.ui.lessonStep).toBe(lesson.steps.length - 1);
    expect(state.config).toEqual(lessonStepConfig(catalog, lesson.id, lesson.steps.length - 1));
  });

  it('the Playground keeps the link as given and draws a seed only when none is written', () => {
    expect(read('?page=playground&hiddenSize=20').state.config.seed).toBe(777);
    expect(read('?page=playground&seed=5').state.config.seed).toBe(5);
    expect(read('?page=cell&cell=lstm').state.config.seed).toBe(cardConfig(catalog, 'lstm').seed);
  });
});

describe('lesson steps', () => {
  it('each step starts from its own preset, whatever the previous step left', () => {
    const store = makeStore();
    for (const lesson of LESSONS) {
      for (let i = 0; i < lesson.steps.length; i++) {
        store.getState().setConfig({ hiddenSize: 77, numLayers: 3 });
        goToLessonStep(store, lesson.id, i);
        expect(store.getState().config).toEqual(lessonStepConfig(catalog, lesson.id, i));
        expect(store.getState().ui).toMatchObject({ page: 'lesson', lesson: lesson.id, lessonStep: i });
      }
    }
  });

  it('going to the lesson page from the header starts the current step\'s run', () => {
    const store = makeStore();
    store.getState().setConfig({ hiddenSize: 77 });
    goToPage(store, 'lesson');
    const { lesson, lessonStep } = store.getState().ui;
    expect(store.getState().config).toEqual(lessonStepConfig(catalog, lesson, lessonStep));
  });

  it('pages that announce nothing keep the run', () => {
    const store = makeStore();
    openCard(store, 'sru');
    const config = store.getState().config;
    goToPage(store, 'playground');
    expect(store.getState().config).toBe(config);
    navigate(store, { page: 'compare', compare: ['sru', 'lstm'] });
    expect(store.getState().config).toBe(config);
  });

  it('a navigation is one store update, so the history writer sees one entry', () => {
    const store = makeStore();
    const keys: string[] = [];
    store.subscribe((s, prev) => { if (placeKey(s) !== placeKey(prev)) keys.push(placeKey(s)); });
    let updates = 0;
    store.subscribe(() => updates++);
    openCard(store, 'dilated');
    expect(updates).toBe(1);
    goToLessonStep(store, LESSONS[1].id, 1);
    goToPage(store, 'cells');
    expect(keys).toEqual(['cell/dilated', `lesson/${LESSONS[1].id}/1`, 'cells']);
  });

  it('a slider change keeps the place (it edits the current history entry)', () => {
    const store = makeStore();
    goToLessonStep(store, LESSONS[0].id, 2);
    const before = placeKey(store.getState());
    store.getState().setConfig({ recurrentScale: 1.5 });
    expect(placeKey(store.getState())).toBe(before);
  });
});

describe('clicker keys', () => {
  const range = { tagName: 'INPUT', type: 'range' };
  it('PageUp/PageDown turn the step even from a focused slider', () => {
    expect(stepKeyAction('PageDown', range)).toBe(1);
    expect(stepKeyAction('PageUp', range)).toBe(-1);
    expect(stepKeyAction('PageDown', { tagName: 'BUTTON' })).toBe(1);
  });
  it('arrows turn the step outside controls, and move a focused slider', () => {
    expect(stepKeyAction('ArrowRight', { tagName: 'DIV' })).toBe(1);
    expect(stepKeyAction('ArrowLeft', null)).toBe(-1);
    expect(stepKeyAction('ArrowRight', range)).toBe(0);
    expect(stepKeyAction('ArrowLeft', { tagName: 'SELECT' })).toBe(0);
  });
  it('text fields keep every key', () => {
    expect(stepKeyAction('PageDown', { tagName: 'INPUT', type: 'text' })).toBe(0);
    expect(stepKeyAction('PageDown', { tagName: 'TEXTAREA' })).toBe(0);
    expect(stepKeyAction('Enter', { tagName: 'DIV' })).toBe(0);
  });
});

describe('links that would stop the page', () => {
  it('drops pairs with malformed escapes and tfjs debug flags, keeps the rest', () => {
    for (const bad of ['foo=%', 'x=%E0', '%ZZ=1', 'tfjsflags=IS_TEST:true', 'a=%E0%A4%A']) {
      const { search, notices } = sanitizeQuery(`?page=cells&${bad}&hiddenSize=20`);
      expect(search).toBe('?page=cells&hiddenSize=20');
      expect(notices).toHaveLength(1);
      expect(() => search.slice(1).split('&').forEach((p) => p.split('=').forEach(decodeURIComponent))).not.toThrow();
    }
  });
  it('leaves a clean link alone', () => {
    expect(sanitizeQuery('?page=cell&cell=lstm&compare=rnn,lstm&x=%20y')).toEqual({ search: '?page=cell&cell=lstm&compare=rnn,lstm&x=%20y', notices: [] });
    expect(sanitizeQuery('')).toEqual({ search: '', notices: [] });
  });
});
