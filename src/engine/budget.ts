// The worker's side of the budget (workload.ts): the estimate for a run config, read from the
// cell registry and the task, and the refusal a run above it gets instead of a model.
import { getCell } from '../cells/registry';
import type { RunConfig } from '../protocol/messages';
import { getTask } from './tasks/registry';
import {
  BUDGET, estimateWorkload, formatBytes, formatMs, suggestLowerings, workloadLevel,
  type Lowering, type Workload, type WorkloadInput, type WorkloadLevel,
} from './workload';

/** A run the budget refuses; the message says what it would cost and what to lower. */
export class BudgetExceeded extends Error {
  override name = 'BudgetExceeded';
}

export function workloadInputOf(config: RunConfig): WorkloadInput {
  const task = getTask(config.taskId, config.taskOptions);
  return {
    cell: getCell(config.cellId),
    cellOptions: config.cellOptions,
    inputSize: task.inputSize,
    outputSize: task.outputSize,
    seqLen: task.resolveSeqLen(config.seqLen),
    hiddenSize: config.hiddenSize,
    numLayers: config.numLayers,
    bidirectional: config.bidirectional,
    batchSize: config.batchSize,
  };
}

const FIELD_NAMES: Record<string, string> = {
  hiddenSize: 'the hidden size', seqLen: 'the sequence length', numLayers: 'the layers', batchSize: 'the batch size',
  bidirectional: 'bidirectional',
};

export function describeLowering(l: Lowering, optionLabel: (key: string) => string = (k) => k): string {
  if (l.field === 'bidirectional') return 'turn off bidirectional';
  const name = l.field.startsWith('opt.') ? optionLabel(l.field.slice(4)) : FIELD_NAMES[l.field] ?? l.field;
  return `${name} to ${l.to}`;
}

export function budgetMessage(w: Workload, lowerings: Lowering[], optionLabel?: (key: string) => string): string {
  const what = lowerings.slice(0, 3).map((l) => describeLowering(l, optionLabel));
  const lower = what.length === 0 ? '' : what[0].startsWith('turn') && what.length === 1 ? ` ${what[0][0].toUpperCase()}${what[0].slice(1)}.` : ` Lower ${what.join(', or ')}.`;
  return `Too big to train in this tab: about ${formatBytes(w.bytes)} of working memory and ${formatMs(w.ms)} per step `
    + `(this page stops at ${formatBytes(BUDGET.refuseBytes)} or ${formatMs(BUDGET.refuseMs)}).${lower}`;
}

/** The estimate for a run and its level; `check` throws BudgetExceeded above the refusal line. */
export function assessRun(config: RunConfig): { workload: Workload; level: WorkloadLevel } {
  const workload = estimateWorkload(workloadInputOf(config));
  return { workload, level: workloadLevel(workload) };
}

export function checkBudget(config: RunConfig): void {
  const input = workloadInputOf(config);
  const workload = estimateWorkload(input);
  if (workloadLevel(workload) !== 'refuse') return;
  const labels = new Map(input.cell.options.map((o) => [o.key, o.label]));
  throw new BudgetExceeded(budgetMessage(workload, suggestLowerings(input), (k) => labels.get(k) ?? k));
}
