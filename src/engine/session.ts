// The training loop behind the worker, GAN Lab style: train in short chunks, yield so control
// messages land, read telemetry back at most every ~100 ms (and after every single step or pause).
// Free of worker globals so tests drive it in Node with a fake `post`.
import type { FromWorker, RunStatus, ToWorker } from '../worker/protocol';
import { Trainer, type TrainerConfig } from './trainer';

export interface SessionOptions {
  post(msg: FromWorker): void;
  /** Runs `fn` after pending messages (a MessageChannel hop in the worker). */
  defer?(fn: () => void): void;
  snapshotIntervalMs?: number;
  /** A chunk ends after this long or this many steps, whichever is first. */
  chunkMs?: number;
  chunkSteps?: number;
}

type Control = Exclude<ToWorker, { type: 'init' }>;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

export class TrainingSession {
  private trainer: Trainer | null = null;
  private runId = -1;
  private status: RunStatus = 'idle';
  /** Every message and every loop tick runs through this chain, so none interleave across awaits. */
  private queue: Promise<void> = Promise.resolve();
  private tickScheduled = false;
  private lastSnapshot = 0;
  private readonly o: Required<SessionOptions>;

  constructor(opts: SessionOptions) {
    this.o = {
      defer: (fn) => setTimeout(fn, 0),
      snapshotIntervalMs: 100,
      chunkMs: 30,
      chunkSteps: 64,
      ...opts,
    };
  }

  /** Queues a message; the promise settles once it has been handled (tests await it). */
  handle(msg: Control): Promise<void> {
    return this.enqueue(() => this.dispatch(msg));
  }

  /** Resolves when everything queued so far, loop ticks included, has run. */
  idle(): Promise<void> {
    return this.queue;
  }

  dispose(): void {
    this.setStatus('idle', undefined, false);
    this.trainer?.dispose();
    this.trainer = null;
  }

  private enqueue(fn: () => Promise<void> | void): Promise<void> {
    const run = this.queue.then(fn).catch((e: unknown) => this.fail(e));
    this.queue = run;
    return run;
  }

  private async dispatch(msg: Control): Promise<void> {
    switch (msg.type) {
      case 'configure':
        return this.configure(msg.runId, msg.config);
      case 'play':
        if (!this.trainer || this.status === 'diverged' || this.status === 'error') {
          this.setStatus(this.status);
          return;
        }
        this.setStatus('running');
        this.scheduleTick();
        return;
      case 'pause':
        if (this.status !== 'running') return;
        this.setStatus('paused');
        return this.publish();
      case 'step':
        if (!this.trainer || this.status === 'diverged' || this.status === 'error') return;
        this.trainer.train(Math.max(1, Math.floor(msg.steps ?? 1)));
        this.setStatus('paused');
        return this.publish();
      case 'reset':
        if (!this.trainer) return;
        return this.rebuild(this.trainer.config, false);
    }
  }

  private async configure(runId: number, config: TrainerConfig): Promise<void> {
    if (runId < this.runId) return; // stale: a newer configure has already been handled
    this.runId = runId;
    if (this.trainer && !Trainer.needsRebuild(this.trainer.config, config)) {
      this.trainer.setLive(config);
      this.setStatus(this.status);
      return;
    }
    return this.rebuild(config, this.status === 'running');
  }

  /** A fresh trainer at step 0; keeps playing if it was (a slider moved mid-run). */
  private async rebuild(config: TrainerConfig, keepRunning: boolean): Promise<void> {
    this.trainer?.dispose();
    this.trainer = null;
    this.trainer = new Trainer(config);
    this.setStatus(keepRunning ? 'running' : 'idle');
    await this.publish();
    if (keepRunning) this.scheduleTick();
  }

  private scheduleTick(): void {
    if (this.tickScheduled) return;
    this.tickScheduled = true;
    this.o.defer(() => {
      this.tickScheduled = false;
      void this.enqueue(() => this.tick());
    });
  }

  private async tick(): Promise<void> {
    const trainer = this.trainer;
    if (!trainer || this.status !== 'running') return;
    const start = now();
    let n = 0;
    do {
      trainer.trainStep();
      n++;
    } while (n < this.o.chunkSteps && now() - start < this.o.chunkMs);
    if (now() - this.lastSnapshot >= this.o.snapshotIntervalMs) await this.publish();
    if (this.status === 'running') this.scheduleTick();
  }

  /** Posts a snapshot; a non-finite loss or gradient stops the run with status 'diverged'. */
  private async publish(): Promise<void> {
    if (!this.trainer) return;
    const snap = await this.trainer.snapshot(this.runId);
    this.lastSnapshot = now();
    this.o.post({ type: 'telemetry', telemetry: snap.telemetry });
    if (snap.diverged && this.status !== 'diverged') this.setStatus('diverged', snap.diverged);
  }

  private setStatus(status: RunStatus, message?: string, post = true): void {
    this.status = status;
    if (post) this.o.post({ type: 'status', runId: this.runId, status, message, paramCount: this.trainer?.paramCount });
  }

  private fail(e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    this.setStatus('error', message);
  }
}
