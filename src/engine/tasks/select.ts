// Selective copy, "abcdefg___ → _______abc". With T = seqLen and k = recall:
//   t = 0 … T−k−1   symbols; the first k are the ones to remember, the rest are distractors
//   t = T−k … T−1   blanks in the input; the target is the first k symbols in order
// The onset of the blanks is the only recall cue, and only the last k positions are in the mask.
// Unlike copy, the cell has to write the first k symbols and then refuse to overwrite them with
// the T−2k distractors that follow: it tests selectivity of the write, not just memory length.
import type { OptionSpec } from '../../cells/types';
import { intOption, type TaskSpec } from './types';
import { alphabetOption, BLANK, drawSymbols, SYMBOLS, symbolTask } from './symbolic';

const recallOption: OptionSpec = {
  key: 'recall', label: 'Symbols to recall', kind: 'integer', default: 3, min: 1, max: 5, step: 1,
  help: 'The first k symbols must be repeated once the input turns blank.',
  zh: { label: '要回忆的符号数', help: '输入变为空白后，必须复述最前面的 k 个符号。' },
};

export const selectTask: TaskSpec = {
  id: 'select',
  name: 'Selective copy',
  summary:
    'A run of symbols, then blanks; the target repeats only the first few symbols at the end. The cell must store the start and ignore everything after it, which gates make easy and a plain RNN finds hard.',
  options: [recallOption, alphabetOption],
  // The k recalled symbols were drawn uniformly from A: without reading the input nothing beats
  // the uniform guess, cross-entropy ln A at each scored step, for every T and k.
  baseline: (options) => Math.log(intOption(options, alphabetOption)),
  create(options) {
    const k = intOption(options, recallOption);
    const A = intOption(options, alphabetOption);
    const blank = A;
    return symbolTask({
      id: 'select',
      name: 'Selective copy',
      inputTokens: [...SYMBOLS.slice(0, A), BLANK],
      alphabet: A,
      minSeqLen: 2 * k,
      sample(rng, T) {
        const input = drawSymbols(rng, T - k, A);
        for (let t = 0; t < k; t++) input.push(blank);
        const target = new Array<number>(T).fill(-1);
        for (let j = 0; j < k; j++) target[T - k + j] = input[j];
        return { input, target };
      },
    });
  },
};
