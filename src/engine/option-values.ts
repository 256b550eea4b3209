// A cell option's value read from a file (a CLI params file, a weights file): checked against the
// option's own declaration, with a message that says what it accepts.
import type { CellOptions, OptionSpec } from '../cells/types';
import { ImportError } from './pytorch-import';

const quote = (xs: readonly string[]) => xs.map((x) => `"${x}"`).join(', ');

/** What an option accepts, in words, for messages and the `cells` listing. */
export function optionDomain(o: OptionSpec): string {
  const range = o.min !== undefined || o.max !== undefined ? ` in [${o.min ?? '−∞'}, ${o.max ?? '∞'}]` : '';
  switch (o.kind) {
    case 'number':
      return `a number${range}`;
    case 'integer':
      return `an integer${range}`;
    case 'boolean':
      return 'true or false';
    case 'choice':
      return o.choices ? `one of ${quote(o.choices)}` : 'a string';
  }
}

export function readOption(o: OptionSpec, v: unknown, prefix = 'config'): CellOptions[string] {
  const where = `${prefix}.${o.key}`;
  const bad = () => new ImportError(`${where}: expected ${optionDomain(o)}, got ${JSON.stringify(v)}`);
  if (o.kind === 'boolean') {
    if (typeof v !== 'boolean') throw bad();
    return v;
  }
  if (o.kind === 'choice') {
    if (typeof v !== 'string' || (o.choices && !o.choices.includes(v))) throw bad();
    return v;
  }
  if (typeof v !== 'number' || !Number.isFinite(v) || (o.kind === 'integer' && !Number.isInteger(v))) throw bad();
  if ((o.min !== undefined && v < o.min) || (o.max !== undefined && v > o.max)) throw bad();
  return v;
}

