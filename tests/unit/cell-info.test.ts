// Each cell's info (src/cells/info/<id>.ts: text, maths, options, shapes) is what the page draws
// a lesson's equations and a card's tables from before tfjs loads. These tests keep it that way:
// the info modules import no tfjs at run time, every spec is its info plus tensor code (the
// same objects, not copies), and the traits the page reads agree with the spec's code.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import type { CellInfo } from '../../src/cells/types';

const root = resolve(__dirname, '../..');

/** Specifiers a module imports at run time (`import type …` and `import()` are left out). */
export function runtimeImports(source: string): string[] {
  const out: string[] = [];
  const re = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    if (m[1]) continue;
    // `import { type A, type B } from` is erased too (when nothing stands outside the braces).
    const names = /\{([^}]*)\}/.exec(m[0])?.[1];
    const outside = m[0].replace(/\{[^}]*\}/, '').replace(/^\s*(?:import|export)\s+/, '').replace(/(?:^|\s)from\s+['"][^'"]*['"]$/, '').trim();
    if (names !== undefined && outside === '' && names.split(',').every((n) => !n.trim() || /^type\s/.test(n.trim()))) continue;
    out.push(m[2]);
  }
  return out;
}

/** Every module reached from `file` through run-time imports, with the chain that reached it. */
function importGraph(file: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (f: string, chain: string[]) => {
    if (seen.has(f)) return;
    seen.set(f, chain);
    if (!f.startsWith('/')) return; // a package
    for (const spec of runtimeImports(readFileSync(f, 'utf8'))) {
      if (!spec.startsWith('.')) {
        visit(spec, [...chain, f]);
        continue;
      }
      const base = resolve(dirname(f), spec);
      const target = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base].find((p) => existsSync(p) && !p.endsWith('/' + spec.split('/').at(-1) + '/'));
      if (!target) throw new Error(`${f}: cannot resolve ${spec}`);
      visit(target, [...chain, f]);
    }
  };
  visit(file, []);
  return seen;
}

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
