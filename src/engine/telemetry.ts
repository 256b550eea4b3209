// The probe part of a telemetry snapshot: runs the model on the task's fixed example (or a sequence the
// reader typed, probe-input.ts) with every gate and state recorded, reads everything back in one batch of
// awaits, and labels the output.
import * as tf from '@tensorflow/tfjs-core';
import type { Params } from '../cells/types';
import type { ProbeTrace, Telemetry } from '../protocol/messages';
import { batchTensors, forward, type ModelConfig } from './model';
import { numDirections } from './stack';
import type { Task, TaskProbe } from './tasks/types';

/** `probe`: the sequence to run, the task's example (task.probe(T)) or one the reader typed. */
export async function readProbe(mc: ModelConfig, task: Task, params: Params, probe: TaskProbe): Promise<Telemetry['probe']> {
  const { T } = probe.batch;
  const run = tf.tidy(() => {
    const b = batchTensors(probe.batch, task.inputSize, task.outputSize);
    const { out, stack } = forward(mc, params, b.x, { record: true });
    return { out, traces: stack.traces ?? [] };
  });
  const ids = run.traces.map((tr) => Object.keys(tr));
  const tensors = [run.out, ...run.traces.flatMap((tr, i) => ids[i].map((id) => tr[id]))];
  const data = (await Promise.all(tensors.map((t) => t.data()))) as Float32Array[];
  tf.dispose(run);

  const out = data[0];
  const O = task.outputSize;
  const predictedLabels = Array.from({ length: T }, (_, t) =>
    probe.batch.mask[t] ? task.outputLabel(out.subarray(t * O, (t + 1) * O)) : '',
  );
  const D = numDirections(mc.stack);
  let k = 1;
  const traces: ProbeTrace[] = run.traces.map((tr, i) => {
    const series: ProbeTrace['series'] = {};
    for (const id of ids[i]) {
      // [T, 1, width] with B = 1 is already the [T][width] layout the views want.
      series[id] = { width: tr[id].shape[2], data: data[k++] };
    }
    return { layer: Math.floor(i / D), direction: (i % D) as 0 | 1, series };
  });
  const means: Record<string, number> = {};
  const top = traces[(mc.stack.numLayers - 1) * D];
  for (const [id, s] of Object.entries(top?.series ?? {})) {
    let sum = 0;
    for (const v of s.data) sum += v;
    means[id] = s.data.length ? sum / s.data.length : 0;
  }
  return { T, inputLabels: probe.inputLabels, targetLabels: probe.targetLabels, predictedLabels, traces, means };
}
