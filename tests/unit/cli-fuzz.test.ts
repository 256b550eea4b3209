// The CLI as a hostile user would try it (issue 13, item 5): random argument lists and hostile
// files. Whatever comes in, the CLI ends, and either succeeds (exit 0, stdout only) or refuses with
// exit code 2 and exactly one short line on stderr: no stack trace, never a 10 MB quote, never a hang.
// Each case spawns the CLI as a user runs it; the expensive files are tried once each.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../src/engine/weights-schema';
import { MAX_MESSAGE_CHARS, oneLine } from '../../src/cli/errors';
import { loadFixture } from './pytorch-fixtures';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'rnn-atlas-cli-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Longest stderr line allowed: "error: " and a message of at most ~300 characters. */
const MAX_LINE = 320;
/** A run that takes longer than this hung (a normal one takes a few seconds even on a loaded machine). */
const HANG_MS = 45_000;

interface Run { code: number | null; stdout: string; stderr: string; killed: boolean }

function cli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('node', ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, timeout: HANG_MS, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const e = err as (Error & { code?: number | string; killed?: boolean }) | null;
      resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, stdout, stderr, killed: !!e?.killed });
    });
  });
}

function write(name: string, content: string | object): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** Exit 2, nothing on stdout, one line on stderr that starts "error: ", short, without stack frames. */
function expectOneLineRefusal(r: Run, mentions?: RegExp) {
  expect(r.killed, 'the CLI hung').toBe(false);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  const lines = r.stderr.slice(0, -1).split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: \S/);
  expect(lines[0].length).toBeLessThanOrEqual(MAX_LINE);
  expect(r.stderr).not.toMatch(/ {4}at /);
  if (mentions) expect(lines[0]).toMatch(mentions);
}

const lstm = loadFixture('lstm_l1_uni');
const model = write('model.json', lstm.model);
const input = write('input.json', lstm.input);
const withConfig = (patch: Record<string, unknown>) => ({ ...lstm.model, config: { ...lstm.model.config, ...patch } });

describe('cli: any thrown value becomes one short line', () => {
  it('words a stack overflow, flattens newlines, cuts long messages, survives odd thrown values', () => {
    let overflow: unknown;
    const recurse = (n: number): number => recurse(n + 1) + 1;
    try {
      recurse(0);
    } catch (e) {
      overflow = e;
    }
    expect(oneLine(overflow)).toMatch(/nested too deeply/);
    expect(oneLine(new Error('a\n    at f (x.js:1:1)\nb'))).toBe('a; at f (x.js:1:1); b');
    const long = oneLine(new Error('x'.repeat(10_000_000)));
    expect(long.length).toBe(MAX_MESSAGE_CHARS);
    expect(long.endsWith('…')).toBe(true);
    const hostile = { toString() { throw new Error('no'); } };
    for (const v of [undefined, null, 42, hostile, Object.create(null), new Error('')]) {
      const line = oneLine(v);
      expect(line.length).toBeGreaterThan(0);
      expect(line).not.toContain('\n');
    }
  });
});

describe('cli: hostile files', () => {
  it('num_layers 1e6 is refused by its limit at once, not looped over', async () => {
    expectOneLineRefusal(await cli(['forward', write('layers.json', withConfig({ num_layers: 1_000_000 })), input]), /num_layers/);
  });

  it('a weight of 1e39 (finite in JSON, infinite in float32) is refused, never run to exit 0', async () => {
    const m = structuredClone(lstm.model);
    (m.state_dict.weight_ih_l0 as number[][])[1][2] = 1e39;
    expectOneLineRefusal(await cli(['gradnorms', write('inf.json', m), input]), /weight_ih_l0.*float32/);
  });

  it('module "__proto__" is named as it is, not as [object Object]', async () => {
    const r = await cli(['forward', write('proto.json', { ...lstm.model, module: '__proto__' }), input]);
    expectOneLineRefusal(r, /module.*__proto__/);
    expect(r.stderr).not.toContain('[object Object]');
  });

  it('a list nested 10,000 deep (as a weight, and as the input) is refused without a stack overflow', async () => {
    const deep = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;
    const text = JSON.stringify(lstm.model).replace(/"weight_ih_l0":\[/, `"weight_ih_l0":${deep},"x":[`);
    expectOneLineRefusal(await cli(['forward', write('deep-model.json', text), input]), /nested/);
    expectOneLineRefusal(await cli(['forward', model, write('deep-input.json', `{"input":${deep}}`)]), /nested/);
  });

  it('a 10 MB string is quoted in at most a few hundred characters', async () => {
    const r = await cli(['forward', write('long-string.json', { ...lstm.model, module: 'x'.repeat(10_000_000) }), input]);
    expectOneLineRefusal(r, /module/);
  });

  it('a 60 MB file (under the size cap) is read and refused in one line; a file over the cap is refused unread', async () => {
    // 60 MB of zeros as one weight: valid JSON, the wrong shape.
    const zeros = '0,'.repeat(30_000_000);
    const big = write('big.json', `{"format":"pytorch","module":"LSTM","config":{"input_size":3,"hidden_size":4},"state_dict":{"weight_ih_l0":[${zeros}0]}}`);
    expectOneLineRefusal(await cli(['forward', big, input]), /weight_ih_l0|state_dict/);
    const over = write('over.json', '');
    truncateSync(over, MAX_FILE_BYTES + 1); // sparse: nothing is written
    expectOneLineRefusal(await cli(['forward', over, input]), /MB/);
  }, 120_000);

  it('a device or a directory is refused without reading (a FIFO or /dev/zero would block or never end)', async () => {
    expectOneLineRefusal(await cli(['forward', '/dev/zero', input]), /not a regular file/);
    expectOneLineRefusal(await cli(['forward', dir, input]), /directory/);
  });
});

describe('cli: random argument lists', () => {
  const hostile = write('hostile.json', withConfig({ hidden_size: 1e6 }));
  const words = ['forward', 'gradnorms', 'jacobians', 'forward-cell', 'cells', 'help', '--help', '-h', '--batch-first', '--nope', 'lstm', 'rnn',
    model, input, hostile, dir, join(dir, 'missing.json'), '__proto__', 'constructor'];
  const arg = fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 12 }), fc.constant('y'.repeat(100_000)));

  it('either succeeds with output on stdout only, or exits 2 with one line on stderr', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arg, { maxLength: 4 }), async (argv) => {
        const r = await cli(argv);
        expect(r.killed, `hung on ${JSON.stringify(argv).slice(0, 200)}`).toBe(false);
        if (r.code === 0) {
          expect(r.stderr).toBe('');
          expect(r.stdout.length).toBeGreaterThan(0);
        } else {
          expectOneLineRefusal(r);
        }
      }),
      { numRuns: 4, seed: 13 },
    );
  }, 90_000);
});
