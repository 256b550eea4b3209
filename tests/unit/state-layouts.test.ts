// docs/STATE-LAYOUTS.md documents every state of every cell (delay lines, complex halves, clock
// modules …): each cell has a section, and the section names each state the cell can carry under
// any options, with no state named that the cell does not have.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'STATE-LAYOUTS.md'), 'utf8');

/** The text under "## `id`", up to the next "## ". */
function section(id: string): string | null {
  const parts = doc.split(/^## /m);
  const hit = parts.find((p) => p.startsWith(`\`${id}\`\n`));
  return hit ?? null;
}

/** State ids a section describes: the `id` that starts each bullet. */
const listed = (text: string) => [...text.matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]);

describe('docs/STATE-LAYOUTS.md', () => {
  it('has one section per cell, in the catalogue’s order, and no other', () => {
    const headings = [...doc.matchAll(/^## `([^`]+)`$/gm)].map((m) => m[1]);
    expect(headings).toEqual(cellList.map((c) => c.id));
  });

  it.each(cellList.map((c) => [c.id, c] as const))('%s: every state it can carry is described, with its size, and nothing else', (id, cell) => {
    const text = section(id);
    expect(text, `no section for ${id}`).not.toBeNull();
    const documented = listed(text!);
    const states = cell.states.map((s) => s.id);
    expect(new Set(documented)).toEqual(new Set(states));
    for (const s of cell.states) {
      // Each bullet gives the state's shape, [B, …].
      expect(text!).toMatch(new RegExp(`^- \`${s.id}\` \`\\[B, [^\\]]+\\]\``, 'm'));
    }
  });

  it('says which end of every delay line is the newest', () => {
    for (const c of cellList) {
      for (const s of c.states.filter((st) => st.hidden && st.id !== 'clock' && st.id !== 'sx')) {
        const bullet = section(c.id)!.split(/^- /m).find((b) => b.startsWith(`\`${s.id}\``))!;
        expect(bullet, `${c.id}.${s.id}`).toMatch(/\*\*(oldest|newest) first\*\*/);
      }
    }
  });
});
