// Which modules a module brings in, read from the source: for tests that keep tfjs out of the
// page's main thread (cell-info.test.ts, page-imports.test.ts).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

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

/** Modules a module loads later: `import('…')` and `import.meta.glob('…')` with a literal path (not workers). */
export function lazyImports(source: string): string[] {
  return [...source.matchAll(/\bimport(?:\.meta\.glob)?\(\s*['"]([^'"*]+)['"]/g)].map((m) => m[1]);
}

/**
 * Every module reached from `file` through run-time imports (and, with `lazy`, dynamic ones),
 * with the chain that reached it. `new Worker(new URL(…))` is not followed: a worker's imports
 * load in the worker.
 */
export function importGraph(file: string, opts: { lazy?: boolean } = {}): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (f: string, chain: string[]) => {
    if (seen.has(f)) return;
    seen.set(f, chain);
    if (!f.startsWith('/')) return; // a package
    const source = readFileSync(f, 'utf8');
    for (const spec of [...runtimeImports(source), ...(opts.lazy ? lazyImports(source) : [])]) {
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

