// The spectrum's notes and block labels come from the worker in English; the page says them again
// from i18n keys. For every cell: the English keys give back exactly the worker's note, and the
// Chinese note and block labels have no English words outside maths and code.
import { beforeAll, describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { useNodeBackend } from '../../src/engine/node-backend';
import { Trainer, type TrainerConfig } from '../../src/engine/trainer';
import { blockLabel, noteText } from '../../src/components/Instruments';
import { textOutsideMath } from '../../src/i18n/prose';

const base: TrainerConfig = {
  cellId: 'lstm', cellOptions: {}, taskId: 'adding', seqLen: 10, hiddenSize: 6, numLayers: 1,
  bidirectional: false, learningRate: 0.01, batchSize: 2, recurrentScale: 0, clipNorm: 1, seed: 3,
};

// Cell names and the few terms kept in Latin letters on the Chinese pages (as in the zh walk).
const NAMES = /\b(uRNN|QRNN|IndRNN|SRU|FRU|mLSTM|mRNN|HOT-RNN|NARX|fTRU|RIN|fo|LSTM|GRU|RNN|MI|CIFG|Clockwork|SCRNN|TKRNN|IRNN|np|Dilated)\b/g;

beforeAll(async () => {
  await useNodeBackend();
});

describe('instrument notes in both languages', () => {
  it('every cell: en keys reproduce the note, zh has no untranslated words', async () => {
    const problems: string[] = [];
    for (const cell of cellList) {
      const trainer = new Trainer({ ...base, cellId: cell.id });
      try {
        const snap = await trainer.snapshot(1, { instruments: {} });
        const spectra = snap.telemetry.instruments!.spectra;
        if (spectra.note) {
          expect(spectra.noteParts?.length, `${cell.id} sends its note as keys`).toBeGreaterThan(0);
          expect(noteText('en', spectra)).toBe(spectra.note);
        }
        const zh = [noteText('zh', spectra), ...spectra.blocks.map((b) => blockLabel('zh', b))].join(' ');
        const words = textOutsideMath(zh).replace(NAMES, '').match(/[A-Za-z]{2,}/g) ?? [];
        if (words.length) problems.push(`${cell.id}: ${words.join(', ')}`);
      } finally {
        trainer.dispose();
      }
    }
    expect(problems).toEqual([]);
  });
});
