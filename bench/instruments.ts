// What the instruments cost a training run (Node, the active backend, meant for WASM): the worker's
// own loop (TrainingSession, chunks, telemetry every 100 ms) trains an LSTM for a few seconds with
// the instrument views closed, then open (snapshots at most once a second and within 20% of the
// time, src/engine/session.ts), and reports ms per training step both ways; plus what one
// instrument snapshot takes (spectra, gate histograms, Jacobians and the memory fit) on its own.
import * as tf from '@tensorflow/tfjs';
import { TrainingSession } from '../src/engine/session';
import { Trainer, type TrainerConfig } from '../src/engine/trainer';

export interface InstrumentsCost {
  backend: string;
  cell: string;
  hidden: number;
  T: number;
  batch: number;
  seconds: number;
  closedMsPerStep: number;
  openMsPerStep: number;
  /** (open − closed) / closed. */
  overhead: number;
  /** Open, less the time spent in snapshots: what training itself cost per step meanwhile. */
  openTrainMsPerStep: number;
  /** Instrument snapshots taken per run while training (open), and the share of its wall time they took (measured in the session). */
  snapshots: number;
  snapshotShare: number;
  /** Closed and open runs alternate this many times; the ms/step are medians. */
  rounds: number;
  /** One instrument snapshot alone (median of 5), and the probe telemetry it rides on. */
  snapshotMs: number;
  telemetryMs: number;
  /** The light snapshot a pause, step or configure gets at once: spectra and gate histograms, no Jacobians. */
  lightMs: number;
}

const config = (hidden: number): TrainerConfig => ({
  cellId: 'lstm', cellOptions: {}, taskId: 'copy', seqLen: 50, hiddenSize: hidden, numLayers: 1,
  bidirectional: false, learningRate: 0.01, batchSize: 32, recurrentScale: 0, clipNorm: 1, seed: 1,
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** ms per step of the session's loop over `seconds` of training, and how many snapshots came with instruments. */
interface RunStats { msPerStep: number; snapshots: number; share: number; trainMsPerStep: number }

async function sessionRun(cfg: TrainerConfig, open: boolean, seconds: number): Promise<RunStats> {
  let step = 0;
  let snapshots = 0;
  const session = new TrainingSession({
    post: (m) => {
      if (m.type !== 'telemetry') return;
      step = m.telemetry.step;
      if (m.telemetry.instruments && m.telemetry.step > 0) snapshots++;
    },
  });
  await session.handle({ type: 'instruments', open });
  await session.handle({ type: 'configure', runId: 1, config: cfg });
  // Warm-up: the first steps compile kernels and grow the heap.
  await session.handle({ type: 'step', steps: 3 });
  const s0 = step;
  snapshots = 0;
  const t0 = performance.now();
  const spent0 = session.instrumentsStats.totalMs;
  await session.handle({ type: 'play' });
  await new Promise((r) => setTimeout(r, seconds * 1000));
  // Only the snapshots taken while training: not the pause's own.
  const spent = session.instrumentsStats.totalMs - spent0;
  await session.handle({ type: 'pause' });
  const ms = performance.now() - t0;
  await session.idle();
  session.dispose();
  const steps = Math.max(1, step - s0);
  return { msPerStep: ms / steps, snapshots: Math.max(0, snapshots - 1) /* the pause's own */, share: spent / ms, trainMsPerStep: (ms - spent) / steps };
}

export async function instrumentsBench(hidden: number[], seconds: number, log: (s: string) => void): Promise<InstrumentsCost[]> {
  const out: InstrumentsCost[] = [];
  for (const H of hidden) {
    const cfg = config(H);
    // Alternated and reduced to medians: the machine is shared, and its load drifts.
    const rounds = 4;
    const closedRuns: number[] = [];
    const openRuns: RunStats[] = [];
    for (let k = 0; k < rounds; k++) {
      // Which goes first alternates too, so a drift in load hits both alike.
      if (k % 2) openRuns.push(await sessionRun(cfg, true, seconds));
      closedRuns.push((await sessionRun(cfg, false, seconds)).msPerStep);
      if (!(k % 2)) openRuns.push(await sessionRun(cfg, true, seconds));
    }
    const closed = { msPerStep: median(closedRuns) };
    const open = {
      msPerStep: median(openRuns.map((o) => o.msPerStep)),
      snapshots: median(openRuns.map((o) => o.snapshots)),
      share: median(openRuns.map((o) => o.share)),
      trainMsPerStep: median(openRuns.map((o) => o.trainMsPerStep)),
    };
    const trainer = new Trainer(cfg);
    trainer.train(2);
    const snap: number[] = [];
    const tel: number[] = [];
    const light: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t = performance.now();
      await trainer.snapshot(1);
      tel.push(performance.now() - t);
      const s = await trainer.snapshot(1, { instruments: { jacobians: TrainingSession.defaultJacobians } });
      snap.push(s.instrumentsMs);
      light.push((await trainer.snapshot(1, { instruments: { jacobians: TrainingSession.defaultJacobians, light: true } })).instrumentsMs);
    }
    trainer.dispose();
    const r: InstrumentsCost = {
      backend: tf.getBackend(), cell: 'lstm', hidden: H, T: trainer.T, batch: cfg.batchSize, seconds,
      closedMsPerStep: closed.msPerStep, openMsPerStep: open.msPerStep, openTrainMsPerStep: open.trainMsPerStep,
      overhead: (open.msPerStep - closed.msPerStep) / closed.msPerStep,
      snapshots: open.snapshots, snapshotMs: median(snap), telemetryMs: median(tel), lightMs: median(light),
      snapshotShare: open.share, rounds,
    };
    log(`${r.backend} instruments LSTM H=${H} T=${r.T}: closed ${r.closedMsPerStep.toFixed(1)} ms/step, open ${r.openMsPerStep.toFixed(1)} ms/step (${r.openTrainMsPerStep.toFixed(1)} outside snapshots; ${(100 * r.overhead).toFixed(1)}%, medians of ${rounds}; ${r.snapshots} snapshots in ${seconds} s); one snapshot ${r.snapshotMs.toFixed(0)} ms (light ${r.lightMs.toFixed(0)} ms), ${(100 * r.snapshotShare).toFixed(1)}% of the time`);
    out.push(r);
  }
  return out;
}
