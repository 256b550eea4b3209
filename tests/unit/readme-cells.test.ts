// The README's list of cells is the catalogue's: the same shelves (groups), in the catalogue's
// order, each listing exactly the registry's cells of that group by their names.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { en } from '../../src/i18n/en';
import { GROUP_ORDER } from '../../src/components/cell-groups';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README cell list', () => {
  const start = readme.indexOf('Classic: ');
  const block = readme.slice(start, readme.indexOf('\n  QRNN sits', start)).replace(/\s*\n\s*/g, ' ').replace(/\.$/, '');
  const shelves = block.split(' · ').map((seg) => {
    const i = seg.indexOf(': ');
    return { label: seg.slice(0, i), names: seg.slice(i + 2) };
  });

  it('names every shelf of the catalogue, in its order, with exactly its cells', () => {
    const expected = GROUP_ORDER.map((g) => ({
      label: en[`group.${g}` as keyof typeof en],
      names: cellList.filter((c) => (c.group ?? 'classic') === g).map((c) => c.name).join(', '),
    })).filter((s) => s.names);
    expect(shelves).toEqual(expected);
  });

  it('counts the cells the registry has', () => {
    expect(readme).toContain(`a catalogue of ${cellList.length} cells`);
  });

  it('QRNN is a gated cell of the LSTM family (Bradbury et al.: fo-pooling with a forget gate)', () => {
    const qrnn = cellList.find((c) => c.id === 'qrnn')!;
    expect(qrnn.group).toBe('lstm-family');
    expect(qrnn.mechanisms).toEqual(['gates']);
  });
});
