// The cell menu: one entry per cell, and one per choice of a cell's `nonlinearity` option, so the
// plain RNN appears as RNN-tanh and RNN-ReLU. Value "rnn" is the default choice, "rnn:relu" the other.
import type { CellMeta } from '../store/catalog';
import type { CellOptions } from '../cells/types';

export interface CellChoice {
  value: string;
  label: string;
  cellId: string;
  options: CellOptions;
}

const SPLIT_OPTION = 'nonlinearity';

export function cellChoices(cells: CellMeta[]): CellChoice[] {
  const out: CellChoice[] = [];
  for (const c of cells) {
    const opt = c.options.find((o) => o.key === SPLIT_OPTION && o.kind === 'choice' && o.choices?.length);
    if (!opt) {
      out.push({ value: c.id, label: c.name, cellId: c.id, options: {} });
      continue;
    }
    for (const choice of opt.choices!) {
      const pretty = choice === 'relu' ? 'ReLU' : choice;
      out.push({
        value: choice === opt.default ? c.id : `${c.id}:${choice}`,
        label: `${c.name}-${pretty}`,
        cellId: c.id,
        options: { [SPLIT_OPTION]: choice },
      });
    }
  }
  return out;
}

export function currentChoice(choices: CellChoice[], cellId: string, options: CellOptions): string {
  const match = choices.find(
    (ch) => ch.cellId === cellId && Object.entries(ch.options).every(([k, v]) => options[k] === v),
  );
  return match?.value ?? cellId;
}

/** Options shown as their own controls (the split option is in the menu already). */
export function isMenuOption(key: string): boolean {
  return key === SPLIT_OPTION;
}
