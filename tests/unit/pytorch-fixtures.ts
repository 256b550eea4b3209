// Shared by the PyTorch-reference tests: loads tests/fixtures/pytorch/*.json (written by
// tests/fixtures/make_pytorch_fixtures.py) and compares nested lists with a tolerance.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'pytorch');

type Nested = number | Nested[];

export interface PytorchFixture {
  name: string;
  model: { module: string; config: Record<string, unknown>; state_dict: Record<string, Nested> };
  input: { input: Nested; h0?: Nested; c0?: Nested };
  expected: {
    output: Nested;
    h_n: Nested;
    c_n?: Nested;
    R: Nested;
    grads: Record<string, Nested>;
    grad_norms: number[];
  };
}

export function fixtureNames(): string[] {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, 'index.json'), 'utf8')) as string[];
}

export function loadFixture(name: string): PytorchFixture {
  return { name, ...JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.json`), 'utf8')) };
}

export function shapeOf(v: Nested): number[] {
  const s: number[] = [];
  while (Array.isArray(v)) {
    s.push(v.length);
    v = v[0];
  }
  return s;
}

export const flat = (v: Nested): number[] => (Array.isArray(v) ? v.flatMap(flat) : [v]);

/** Element-wise |a − b| ≤ atol + rtol·|b|, with the worst element named on failure. */
export function expectClose(actual: Nested, expected: Nested, what: string, atol = 1e-5, rtol = 1e-4): void {
  expect(shapeOf(actual), `${what}: shape`).toEqual(shapeOf(expected));
  const a = flat(actual);
  const b = flat(expected);
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < b.length; i++) {
    const excess = Math.abs(a[i] - b[i]) - (atol + rtol * Math.abs(b[i]));
    if (!(excess <= worstExcess)) {
      worst = i;
      worstExcess = Number.isNaN(excess) ? Infinity : excess;
    }
  }
  if (worst >= 0) {
    expect.fail(`${what}: element ${worst} is ${a[worst]}, expected ${b[worst]} (atol ${atol}, rtol ${rtol})`);
  }
}
