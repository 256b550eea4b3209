// Shared by tests/unit/presets-learn-*.test.ts: every cell's card must open on a run under which
// the cell visibly learns. Each test trains exactly what the card trains (cardConfig: the link
// defaults, the cell's preset on top, seed 1) in Node on WASM for a fixed number of steps and
// asserts that the mean loss of the last 20 steps ends below a stated fraction of the task's
// baseline (the loss of the best input-independent guess, TaskSpec.baseline).
//
// Steps: each N is what the preset needs with some margin, and well under what ~25 s buys in the
// page (Node WASM here runs these presets at 15–150 steps/s on 2 shared cores; the page's worker
// runs WASM at about the same speed), so every card shows its cell learning within 30 s while
// the three files together stay within a few minutes of CPU.
import { expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { getTaskSpec, taskList } from '../../src/engine/tasks/registry';
import { Trainer } from '../../src/engine/trainer';
import { cardConfig, type PresetRegistry } from '../../src/store/page-config';
import type { RunConfig } from '../../src/protocol/messages';

export const registry: PresetRegistry = {
  cells: cellList.map((c) => ({ id: c.id, options: c.options ?? [], preset: c.preset })),
  tasks: taskList.map((t) => ({ id: t.id, options: t.options ?? [] })),
};

/**
 * The final loss must be below this fraction of the baseline. Adding (MSE, baseline 1/6): 0.3,
 * i.e. MSE < 0.05, a typical error below 0.22 on a target in [0, 2]. Copy and selective copy
 * (cross-entropy, baseline ln A over the scored steps): 0.4, i.e. below 0.83 nats for A = 8.
 */
export const FRACTION: Record<string, number> = { adding: 0.3, copy: 0.4, select: 0.4 };

/** Training steps per card (see the top). */
export const STEPS: Record<string, number> = {
  rnn: 300, lstm: 300, gru: 250,
  'lstm-peephole': 200, 'lstm-cifg': 300, 'lstm-1997': 400, 'gru-original': 200,
  'mi-rnn': 500, 'mi-lstm': 250, 'mi-gru': 160,
  irnn: 500, 'np-rnn': 600, indrnn: 300, rin: 400, urnn: 60,
  scrnn: 400, clockwork: 150, dilated: 150, narx: 300, tkrnn: 400, qrnn: 350,
  sru: 250, fru: 200, mrnn: 300, mlstm: 300,
  hotrnn: 250, ftru: 300,
};

/** The three test files' shares of the registry, balanced by their cost. */
export const SHARES: string[][] = [
  ['rnn', 'lstm', 'gru', 'lstm-peephole', 'lstm-cifg', 'lstm-1997', 'gru-original', 'mi-rnn', 'mi-lstm', 'mi-gru'],
  ['irnn', 'np-rnn', 'indrnn', 'rin', 'urnn', 'scrnn', 'clockwork', 'dilated', 'narx'],
  ['tkrnn', 'qrnn', 'sru', 'fru', 'mrnn', 'mlstm', 'hotrnn', 'ftru'],
];

const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;

export interface PresetResult {
  config: RunConfig;
  steps: number;
  /** Mean loss of the last 20 steps. */
  final: number;
  baseline: number;
  seconds: number;
}

export async function trainPreset(cellId: string): Promise<PresetResult> {
  const config = cardConfig(registry, cellId);
  const steps = STEPS[cellId];
  const tr = new Trainer(config);
  const t0 = performance.now();
  try {
    tr.train(steps);
    const snap = await tr.snapshot(1);
    expect(snap.diverged, `${cellId} diverged`).toBeUndefined();
    const losses = snap.telemetry.points.map((p) => p.loss);
    expect(losses.length).toBe(steps);
    return {
      config,
      steps,
      final: mean(losses.slice(-20)),
      baseline: getTaskSpec(config.taskId).baseline(config.taskOptions ?? {}, config.seqLen),
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    tr.dispose();
  }
}

/** One test per cell of a share. */
export function presetsLearn(ids: string[]): void {
  it.each(ids)('the %s card preset learns: final loss below the stated fraction of the baseline', async (id) => {
    const r = await trainPreset(id);
    const c = r.config;
    const ratio = r.final / r.baseline;
    console.log(`${id}: ${c.taskId} T=${c.seqLen} H=${c.hiddenSize} L=${c.numLayers} lr=${c.learningRate} N=${r.steps} ` +
      `final ${r.final.toFixed(4)} / baseline ${r.baseline.toFixed(4)} = ${ratio.toFixed(3)} (${(r.steps / r.seconds).toFixed(0)} steps/s)`);
    expect(ratio, `${id}: final ${r.final} vs baseline ${r.baseline}`).toBeLessThan(FRACTION[c.taskId]);
  });
}
