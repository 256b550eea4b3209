// Each cell's info (src/cells/info/<id>.ts: text, maths, options, shapes) is what the page draws
// a lesson's equations and a card's tables from before tfjs loads. These tests keep it that way:
// the info modules import no tfjs at run time, every spec is its info plus tensor code (the
// same objects, not copies), and the traits the page reads agree with the spec's code.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import type { CellInfo } from '../../src/cells/types';
import { importGraph, runtimeImports } from './import-graph';

const root = resolve(__dirname, '../..');

describe('cell info', () => {
  it('reads run-time and type-only imports apart', () => {
    const src = [
      "import type { A } from './a';",
      "import { type B, type C } from './b';",
      "import { D, type E } from './d';",
      "import * as tf from '@tensorflow/tfjs-core';",
      "export { F } from './f';",
      "export type { G } from './g';",
    ].join('\n');
    expect(runtimeImports(src)).toEqual(['./d', '@tensorflow/tfjs-core', './f']);
  });

  // One test per cell, so a cell's info can be checked on its own (-t <id>).
  const infoOf = async (id: string): Promise<CellInfo> => {
    const mod = (await import(`../../src/cells/info/${id}.ts`)) as Record<string, CellInfo>;
    const infos = Object.values(mod).filter((v) => v && typeof v === 'object' && (v as CellInfo).id === id);
    expect(infos, `src/cells/info/${id}.ts exports one CellInfo with id ${id}`).toHaveLength(1);
    return infos[0];
  };

  describe.each(cellList.map((c) => [c.id, c] as const))('%s', (id, spec) => {
    it('imports no tfjs at run time, however deep', () => {
      const graph = importGraph(`${root}/src/cells/info/${id}.ts`);
      const tf = [...graph.entries()].filter(([m]) => m.startsWith('@tensorflow/'));
      expect(tf.map(([m, chain]) => [...chain.map((f) => f.replace(root + '/', '')), m].join(' → '))).toEqual([]);
    });

    it('is what the spec spreads: the same objects, not copies', async () => {
      const info = await infoOf(id);
      for (const key of Object.keys(info) as (keyof CellInfo)[]) expect(spec[key], `${id}.${key}`).toBe(info[key]);
      // Nothing the page reads is left on the spec alone.
      const tensorCode = ['initialState', 'prepare', 'project', 'step', 'fusedStep', 'fusedSequence', 'emit', 'diagnostics', 'constrain'];
      expect(Object.keys(spec).filter((k) => !tensorCode.includes(k) && !(k in info))).toEqual([]);
    });

    it('names the traits the spec’s code has, and no others', () => {
      expect(!!spec.traits?.diagnostics, 'diagnostics').toBe(typeof spec.diagnostics === 'function');
      expect(!!spec.traits?.fusedSequence, 'fusedSequence').toBe(typeof spec.fusedSequence === 'function');
    });
  });

  it('the list has every cell once, in the registry’s order, and imports no tfjs', async () => {
    const { cellInfoList } = await import('../../src/cells/info');
    expect(cellInfoList.map((c) => c.id)).toEqual(cellList.map((c) => c.id));
    expect([...importGraph(`${root}/src/cells/info/index.ts`).keys()].filter((m) => m.startsWith('@tensorflow/'))).toEqual([]);
  });
});
