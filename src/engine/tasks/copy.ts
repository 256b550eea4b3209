// Copy memory (Arjovsky, Shah & Bengio 2016, "Unitary Evolution RNNs", after Hochreiter &
// Schmidhuber 1997), shortened to S symbols so a browser can train it. With T = seqLen:
//   t = 0 … S−1        the symbols to remember
//   t = S … T−S−2      blanks (the gap the memory must bridge)
//   t = T−S−1          the delimiter ":" (recall now)
//   t = T−S … T−1      blanks in the input; the target is the S symbols in order
// Only the S recall positions are in the mask: the blank outputs Arjovsky scores as well make a
// loss curve that is mostly "predict blank", which hides whether anything was remembered.
import type { OptionSpec } from '../../cells/types';
import { intOption, type TaskSpec } from './types';
import { alphabetOption, BLANK, drawSymbols, SYMBOLS, symbolTask } from './symbolic';

const symbolsOption: OptionSpec = {
  key: 'symbols', label: 'Symbols to copy', kind: 'integer', default: 3, min: 3, max: 5, step: 1,
  help: 'How many symbols are shown before the gap and recalled after the delimiter.',
  zh: { label: '要复制的符号数', help: '间隔之前展示、分隔符之后要回忆出来的符号个数。' },
};

export const DELIMITER = ':';

export const copyTask: TaskSpec = {
  id: 'copy',
  name: 'Copy memory',
  summary:
    'A few symbols, a long stretch of blanks, a delimiter, then the network must repeat the symbols in order. The information has to survive the whole gap, so this task measures how far back a cell can remember.',
  options: [symbolsOption, alphabetOption],
  // Every scored target is one of A symbols drawn uniformly: the best input-independent guess is
  // the uniform distribution, cross-entropy ln A at each scored step, for every T and S.
  baseline: (options) => Math.log(intOption(options, alphabetOption)),
  create(options) {
    const S = intOption(options, symbolsOption);
    const A = intOption(options, alphabetOption);
    const blank = A;
    const delim = A + 1;
    return symbolTask({
      id: 'copy',
      name: 'Copy memory',
      inputTokens: [...SYMBOLS.slice(0, A), BLANK, DELIMITER],
      alphabet: A,
      minSeqLen: 2 * S + 1,
      sample(rng, T) {
        const syms = drawSymbols(rng, S, A);
        const input = new Array<number>(T).fill(blank);
        const target = new Array<number>(T).fill(-1);
        for (let k = 0; k < S; k++) {
          input[k] = syms[k];
          target[T - S + k] = syms[k];
        }
        input[T - S - 1] = delim;
        return { input, target };
      },
    });
  },
};
