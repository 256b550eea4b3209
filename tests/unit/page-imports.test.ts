// tfjs belongs to the workers (training, weight files, what-if): the page's main thread never
// imports it, not even lazily, so no page, lesson or card waits for it or pays for it. This walks
// every import the page's entry can reach, dynamic ones included; a worker's imports (new
// Worker(new URL(…))) are its own and are not followed.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importGraph, lazyImports } from './import-graph';

const root = resolve(__dirname, '../..');
const rel = (f: string) => f.replace(root + '/', '');

describe('the page’s main thread', () => {
  it('reads lazy imports: import(…) and import.meta.glob(…) with a literal path', () => {
    expect(lazyImports("const a = import('./a'); const g = import.meta.glob('../b.ts'); new Worker(new URL('./w.ts', import.meta.url));"))
      .toEqual(['./a', '../b.ts']);
  });

  it('imports no tfjs, eagerly or lazily, from any page', () => {
    const graph = importGraph(`${root}/src/main.tsx`, { lazy: true });
    // The walk reached the lazily loaded pages and the cells' info, so it did look where tfjs was.
    expect(graph.has(`${root}/src/cells/info/index.ts`)).toBe(true);
    expect(graph.has(`${root}/src/engine/spectral.ts`)).toBe(true);
    const tf = [...graph.entries()].filter(([m]) => m.startsWith('@tensorflow/'));
    expect(tf.map(([m, chain]) => [...chain.map(rel), m].join(' → '))).toEqual([]);
  });
});
