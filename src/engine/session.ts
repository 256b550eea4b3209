// The training loop behind the worker, GAN Lab style: train in short chunks, yield so control
// messages land, read telemetry back at most every ~100 ms (and after every single step or pause).
// Free of worker globals so tests drive it in Node with a fake `post`.
//
// One run ('configure') or a comparison of 2–4 ('compare'), each run in a slot. The slots take
// turns, one short chunk per tick, the one furthest behind first, so a comparison stays as
// responsive as a single run and its runs reach the same step together. Play/pause/step/reset act on every slot; a slot that diverges or
// fails stops alone while the others go on.
//
// Instruments (instruments/probe.ts), while the page has them open. A configure, pause, step or
// opening is answered at once with a light snapshot (spectra, gate histograms; jacobiansPending),
// and the full one (with the Jacobians, the costly part: for an LSTM at T = 50 on WASM under load,
// ~0.3 s at H = 32, ~1.5 s at H = 64; ~14 s at H = 128, T = 100) follows in a later turn of the queue if nothing changed
// meanwhile. While training: at most one full snapshot per `instrumentsIntervalMs` (1 s) per run
// and never more than `instrumentsShare` (20%) of the training time, measured: a snapshot that
// took c ms waits c/share ms (times the number of compared runs) before the next. Full
// snapshots run in their own turn of the queue after a defer, so a pause, step or reset that
// arrived during the chunk is handled first, and one that arrives while it runs makes it give up
// between its parts, or within the Jacobians' JS part, which yields every ~40 ms (their tfjs part,
// the batched backward passes, cannot be cut short: ~0.7 s at H = 64 under load). Where a full
// snapshot took over `instrumentsBlockMs` (1.5 s) a running run gets light ones (carrying
// the last Jacobians, InstrumentSnapshot.jacobiansStep) and the Jacobians wait for a pause or step.
//
// Samples (a character model, task 'chars'), while the page's samples panel wants them: text
// sampled from the single run at configure, when the wish changes (a temperature), on pause and
// step, and every `want.every` training steps, in its own turn of the queue like the instruments;
// with the hidden units that track quotes, brackets or line ends over a fixed passage.
//
// Faults: a backend that dies while training (a lost WebGL context, a destroyed WebGPU device;
// `backendLost` tells) does not end the run. Every `checkpointEvery` steps and on pause each run
// keeps a copy of its weights (and after a Step), with Adam's state and the batch stream's place, read back
// while the backend was still sound; after a loss the session asks `switchBackend` for the next
// backend, rebuilds every run from its copy at the copy's step (it then goes on as the run would
// have from there), says so in a 'fault' message and goes on as before.
import type { BackendName, FaultKind, FromWorker, LoadedWeights, ProbeInput, RunStatus, SampleReport, SamplesWant, ToWorker, WeightSet } from '../protocol/messages';
import { parseProbeInput, probeContext, typedProbe } from './probe-input';
import { Trainer, WeightsMismatch, type TrainerConfig, type TrainingState } from './trainer';
import { checkBudget } from './budget';
import type { JacobianFn } from './instruments/probe';
import type { InstrumentSnapshot } from './instruments/types';
import { jacobianProfile } from './instruments/jacobians';
import { sampleText } from './sampling';
import { corpusId, getCorpus, probePassage } from './tasks/chars';
import { trackUnits } from './unit-features';

export interface SessionOptions {
  post(msg: FromWorker): void;
  /** Runs `fn` after pending messages (a MessageChannel hop in the worker). */
  defer?(fn: () => void): void;
  snapshotIntervalMs?: number;
  /** A chunk ends after this long or this many steps, whichever is first. */
  chunkMs?: number;
  chunkSteps?: number;
  /** Least time between two instrument snapshots of a run while training (ms). */
  instrumentsIntervalMs?: number;
  /** Most instrument snapshots may take while training, as a share of the training time between them (0–1). */
  instrumentsShare?: number;
  /** The Jacobian profile (jacobians.ts); null: snapshots leave jacobians and memory null. */
  jacobians?: JacobianFn | null;
  /**
   * A full snapshot that took longer than this (ms) is not repeated while training: the running
   * run gets light ones (carrying the last Jacobians) and the Jacobians wait for a pause or step.
   */
  instrumentsBlockMs?: number;
  /** The backend can no longer compute (its GPU context or device is gone), or null while it can. */
  backendLost?(): LostBackend | null;
  /**
   * Settles when the backend is lost: queued work is raced against it, since a read from a lost
   * GPU context may never finish. Null at once for a backend that cannot be lost (WASM, CPU).
   * Absent: work is not raced (the loss is noticed between chunks).
   */
  whenLost?(): Promise<LostBackend | null>;
  /** Moves tfjs to another backend after a loss; resolves with its name (rejects: none left). */
  switchBackend?(lost: LostBackend): Promise<BackendName>;
  /** Steps between two saved copies of a run's weights, the point a run goes on from after a fault. */
  checkpointEvery?: number;
}

export interface LostBackend {
  backend: BackendName;
  kind: FaultKind;
  message: string;
}

type Control = Exclude<ToWorker, { type: 'init' } | { type: 'simulateFault' }>;

interface Slot {
  config: TrainerConfig;
  trainer: Trainer | null;
  /** Loaded weights the run started from (a reset starts from them again). */
  weights?: LoadedWeights;
  /** Set once this run has stopped on its own; the session's status no longer applies to it. */
  dead?: { status: 'diverged' | 'error'; message: string };
  lastSnapshot: number;
  /** When the last instrument snapshot was taken (ms) and how long it took. */
  lastInstruments: number;
  instrumentsMs: number;
  /** A deferred instrument snapshot is waiting in the queue. */
  instrumentsQueued?: boolean;
  /** The latest full snapshot asked for after a light one; older ones are dropped. */
  settleToken?: number;
  /** The last full snapshot's Jacobians and memory fit (carried by light ones), and what it cost. */
  lastFull?: { step: number; jacobians: InstrumentSnapshot['jacobians']; memory: InstrumentSnapshot['memory']; ms: number };
  /** The last copy of the weights read back from a sound backend, and its step (fault recovery). */
  good?: { step: number; values: WeightSet; training: TrainingState };
}

/** How long a failed task waits for a backend loss to be announced before it counts as a plain error (ms). */
const LOSS_GRACE_MS = 1000;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

const errorMessage = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class TrainingSession {
  /** The Jacobian profile instrument snapshots use unless the options name another (jacobians.ts). */
  static readonly defaultJacobians: JacobianFn | null = jacobianProfile;

  private slots: Slot[] = [];
  /** True for a 'compare' run: status messages then name their slot. */
  private comparing = false;
  private runId = -1;
  private status: RunStatus = 'idle';
  /** Every message and every loop tick runs through this chain, so none interleave across awaits. */
  private queue: Promise<void> = Promise.resolve();
  private tickScheduled = false;
  /** Instrument snapshots taken (interrupted ones included) and the wall time they took, for the bench. */
  readonly instrumentsStats = { count: 0, totalMs: 0 };
  /** Messages queued and not yet handled: a running instrument snapshot gives way to them. */
  private waiting = 0;
  private settleTokens = 0;
  /** What the page's instrument views want (kept across runs). */
  private instruments: { open: boolean; stepEigAt?: number } = { open: false };
  /** What the page's samples panel wants (kept across runs), the step last sampled and whether a sample is queued. */
  private samplesWant: SamplesWant | null = null;
  private samplesAt = -Infinity;
  private samplesQueued = false;
  /** A probe sequence the reader typed (kept across runs while it fits their task), or null. */
  private probeInput: ProbeInput | null = null;
  private readonly o: Required<SessionOptions>;
  /** Someone tells whether the backend was lost (the worker does; most tests do not). */
  private readonly watchesBackend: boolean;

  constructor(opts: SessionOptions) {
    this.watchesBackend = opts.backendLost !== undefined;
    this.o = {
      defer: (fn) => setTimeout(fn, 0),
      snapshotIntervalMs: 100,
      chunkMs: 30,
      chunkSteps: 64,
      instrumentsIntervalMs: 1000,
      instrumentsShare: 0.2,
      jacobians: TrainingSession.defaultJacobians,
      instrumentsBlockMs: 1500,
      backendLost: () => null,
      whenLost: () => new Promise<LostBackend | null>(() => {}),
      switchBackend: (lost) => Promise.reject(new Error(`${lost.message}, and no other backend to go on with`)),
      checkpointEvery: 50,
      ...opts,
    };
  }

  /** Queues a message; the promise settles once it has been handled (tests await it). */
  handle(msg: Control): Promise<void> {
    this.waiting++;
    return this.enqueue(() => {
      this.waiting--;
      return this.dispatch(msg);
    });
  }

  /** What the page's instrument views want, as last told. */
  get instrumentsWanted(): { open: boolean; stepEigAt?: number } {
    return { ...this.instruments };
  }

  /** Resolves when everything queued so far, loop ticks included, has run. */
  idle(): Promise<void> {
    return this.queue;
  }

  dispose(): void {
    this.status = 'idle';
    this.disposeSlots();
  }

  private enqueue(fn: () => Promise<void> | void): Promise<void> {
    const run = this.queue.then(() => this.unlessLost(fn)).catch((e: unknown) => this.failOrRecover(e));
    this.queue = run;
    return run;
  }

  private live(): Slot[] {
    return this.slots.filter((s) => s.trainer && !s.dead);
  }

  private async dispatch(msg: Control): Promise<void> {
    switch (msg.type) {
      case 'configure':
        return this.configure(msg.runId, msg.config, msg.weights);
      case 'exportWeights': {
        const trainer = this.slots[0]?.trainer;
        if (this.comparing || !trainer || msg.runId !== this.runId) return;
        this.o.post({ type: 'weights', runId: this.runId, values: trainer.values() });
        return;
      }
      case 'compare':
        if (msg.runId < this.runId) return;
        this.runId = msg.runId;
        return this.rebuild(msg.configs, true, this.status === 'running');
      case 'play':
        if (this.live().length === 0 || this.status === 'error') {
          this.setStatus(this.status);
          return;
        }
        if (this.status !== 'running') for (const slot of this.live()) slot.trainer!.restartRate();
        this.setStatus('running');
        this.scheduleTick();
        return;
      case 'pause':
        if (this.status !== 'running') return;
        this.setStatus('paused');
        if (await this.recoverIfLost()) return;
        await this.checkpoint(true);
        await this.publishSamples(true);
        return this.publishAll('light');
      case 'step': {
        const live = this.live();
        if (live.length === 0 || this.status === 'error') return;
        const n = Math.max(1, Math.floor(msg.steps ?? 1));
        for (const slot of live) this.guard(slot, () => slot.trainer!.train(n));
        this.setStatus('paused');
        if (await this.recoverIfLost()) return;
        await this.checkpoint(true);
        await this.publishSamples(true);
        return this.publishAll('light');
      }
      case 'instruments':
        return this.setInstruments(msg.open, msg.stepEigAt);
      case 'samples':
        if (JSON.stringify(msg.want) === JSON.stringify(this.samplesWant)) return;
        this.samplesWant = msg.want;
        this.samplesAt = -Infinity;
        // A running run samples at its next chunk; a stopped one now.
        if (msg.want && this.status !== 'running') await this.publishSamples();
        return;
      case 'probeInput':
        this.probeInput = msg.input;
        this.applyProbe();
        for (const slot of this.slots) slot.lastInstruments = -Infinity;
        // A running run shows it at its next snapshot; a stopped one now.
        if (this.status !== 'running') await this.publishAll('light');
        return;
      case 'reset':
        if (this.slots.length === 0) return;
        return this.rebuild(this.slots.map((s) => s.config), this.comparing, false, this.comparing ? undefined : this.slots[0].weights);
    }
  }

  /**
   * Gives every run the typed probe (or the task's example again). A typed input that does not fit
   * the runs' task (another input width after a change of task) is dropped with a 'probeStatus'
   * saying why; one that fits is confirmed with its T (after every rebuild too: a new worker's page waits for it).
   */
  private applyProbe(): void {
    const input = this.probeInput;
    const trainers = this.slots.map((s) => s.trainer).filter((t) => t !== null);
    if (!input) {
      for (const t of trainers) t.setProbe(null);
      return;
    }
    if (trainers.length === 0) return;
    try {
      let T = 0;
      for (const t of trainers) {
        const parsed = parseProbeInput(input, probeContext(t.config.taskId, t.config.taskOptions, t.task.inputSize));
        t.setProbe(typedProbe(t.task, parsed));
        T = parsed.T;
      }
      this.o.post({ type: 'probeStatus', runId: this.runId, input, applied: true, T });
    } catch (e) {
      for (const t of trainers) t.setProbe(null);
      this.probeInput = null;
      this.o.post({ type: 'probeStatus', runId: this.runId, input, applied: false, message: errorMessage(e) });
    }
  }

  /** The page opened or closed its instrument views, or wants another step's Jacobian eigenvalues. */
  private async setInstruments(open: boolean, stepEigAt?: number): Promise<void> {
    const was = this.instruments;
    this.instruments = { open, stepEigAt };
    if (!open || (was.open && was.stepEigAt === stepEigAt)) return;
    // Newly opened, or another t: a running run takes one at its next chunk, a paused one now.
    for (const slot of this.slots) slot.lastInstruments = -Infinity;
    if (this.status !== 'running') await this.publishAll('light');
  }

  private async configure(runId: number, config: TrainerConfig, weights?: LoadedWeights): Promise<void> {
    if (runId < this.runId) return; // stale: a newer configure has already been handled
    this.runId = runId;
    const slot = this.slots[0];
    const sameWeights = (weights?.id ?? null) === (slot?.weights?.id ?? null);
    if (!this.comparing && slot?.trainer && this.status !== 'error' && sameWeights && !Trainer.needsRebuild(slot.trainer.config, config)) {
      // Absent svClip means off, which setLive would read as "unchanged".
      slot.trainer.setLive({ ...config, svClip: config.svClip ?? 0, svClipScope: config.svClipScope ?? 'all' });
      slot.config = { ...config };
      this.setStatus(this.status);
      return;
    }
    return this.rebuild([config], false, this.status === 'running', weights);
  }

  /**
   * Fresh trainers at step 0; keeps playing if it was (a slider moved mid-run). A single run may
   * start from loaded weights; when they do not fit the model it starts from its seeded init and
   * says why, so the page can set the file aside.
   */
  private async rebuild(configs: TrainerConfig[], comparing: boolean, keepRunning: boolean, weights?: LoadedWeights): Promise<void> {
    this.disposeSlots();
    this.comparing = comparing;
    if (!comparing) {
      // A single run that cannot be built is the session's error, as before comparisons existed;
      // so is one above the memory and time budget (workload.ts), refused before it is built.
      checkBudget(configs[0]);
      let trainer: Trainer | null = null;
      if (weights) {
        try {
          trainer = new Trainer(configs[0], weights.values);
          this.o.post({ type: 'weightsStatus', runId: this.runId, id: weights.id, applied: true });
        } catch (e) {
          if (!(e instanceof WeightsMismatch)) throw e;
          this.o.post({ type: 'weightsStatus', runId: this.runId, id: weights.id, applied: false, message: e.message });
          weights = undefined;
        }
      }
      this.slots = [{ config: { ...configs[0] }, trainer: trainer ?? new Trainer(configs[0]), weights, lastSnapshot: 0, lastInstruments: -Infinity, instrumentsMs: 0 }];
    } else {
      this.slots = configs.map((config) => {
        try {
          checkBudget(config);
          return { config: { ...config }, trainer: new Trainer(config), lastSnapshot: 0, lastInstruments: -Infinity, instrumentsMs: 0 };
        } catch (e) {
          return { config: { ...config }, trainer: null, dead: { status: 'error', message: errorMessage(e) }, lastSnapshot: 0, lastInstruments: -Infinity, instrumentsMs: 0 };
        }
      });
    }
    this.applyProbe();
    this.setStatus(keepRunning ? 'running' : 'idle');
    this.samplesAt = -Infinity;
    await this.publishSamples();
    await this.publishAll('light');
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

  /**
   * One chunk of training, then a snapshot if one is due. A comparison trains the run that is
   * furthest behind, and only until it passes the next one, so the runs advance in step count
   * together (a fast cell does not race ahead of a slow one in wall-clock turns).
   */
  private async tick(): Promise<void> {
    if (this.status !== 'running') return;
    const live = this.live();
    if (live.length === 0) return; // every run has stopped on its own
    const slot = live.reduce((a, b) => (b.trainer!.step < a.trainer!.step ? b : a));
    const trainer = slot.trainer!;
    const others = live.filter((s) => s !== slot).map((s) => s.trainer!.step);
    const cap = others.length ? Math.max(1, Math.min(...others) - trainer.step + 1) : Infinity;
    this.guard(slot, () => {
      const start = now();
      let steps = 0;
      do {
        trainer.trainStep();
        steps++;
      } while (steps < Math.min(this.o.chunkSteps, cap) && now() - start < this.o.chunkMs);
    });
    if (await this.recoverIfLost()) return;
    if (!slot.dead) await this.checkpointSlot(slot);
    if (!slot.dead && this.samplesDue()) this.queueSamples();
    if (!slot.dead && this.instrumentsDue(slot)) this.queueInstruments(slot);
    else if (!slot.dead && now() - slot.lastSnapshot >= this.o.snapshotIntervalMs) await this.publish(slot);
    if (this.status === 'running' && this.live().length > 0) this.scheduleTick();
  }

  /** The single run's trainer when it is a character model (samples need one), else null. */
  private charTrainer() {
    const trainer = this.slots[0]?.trainer;
    if (this.comparing || !trainer || this.slots[0].dead || trainer.config.taskId !== 'chars') return null;
    return trainer;
  }

  private samplesDue(): boolean {
    const trainer = this.charTrainer();
    if (!this.samplesWant || !trainer || this.samplesQueued) return false;
    return trainer.step - this.samplesAt >= Math.max(1, this.samplesWant.every);
  }

  /** Samples in a later turn of the queue, after any message that came meanwhile. */
  private queueSamples(): void {
    this.samplesQueued = true;
    this.o.defer(() => {
      void this.enqueue(async () => {
        this.samplesQueued = false;
        if (this.waiting > 0) return; // a message first; the next chunk asks again
        await this.publishSamples();
      });
    });
  }

  /**
   * Text from the character model at its current step, and its tracking units (sampling.ts,
   * unit-features.ts); `onlyIfNew`: not again at a step already sampled with the same wish.
   */
  private async publishSamples(onlyIfNew = false): Promise<void> {
    const want = this.samplesWant;
    const trainer = this.charTrainer();
    if (!want || !trainer) return;
    if (onlyIfNew && trainer.step === this.samplesAt) return;
    this.samplesAt = trainer.step;
    const base = { step: trainer.step, prompt: want.prompt, temperature: want.temperature, seed: want.seed };
    let samples: SampleReport;
    try {
      const options = trainer.config.taskOptions ?? {};
      const { vocab } = getCorpus(options);
      const { text } = await sampleText(trainer.model, trainer.params, vocab, want);
      const units = await trackUnits(trainer.model, trainer.params, vocab, probePassage(corpusId(options)), corpusId(options));
      samples = { ...base, text, units: { probeText: units.text, units: units.units } };
    } catch (e) {
      samples = { ...base, text: '', error: errorMessage(e) };
    }
    this.o.post({ type: 'samples', runId: this.runId, samples });
  }

  /** Open, and both the interval and the share of wall time allow another snapshot of this run. */
  private instrumentsDue(slot: Slot): boolean {
    if (!this.instruments.open || slot.instrumentsQueued) return false;
    const share = Math.min(1, Math.max(1e-3, this.o.instrumentsShare));
    const wait = Math.max(this.o.instrumentsIntervalMs, (slot.instrumentsMs / share) * Math.max(1, this.live().length));
    return now() - slot.lastInstruments >= wait;
  }

  /** The snapshot (telemetry with instruments) in a later turn, after any message that came meanwhile. */
  private queueInstruments(slot: Slot): void {
    slot.instrumentsQueued = true;
    this.o.defer(() => {
      void this.enqueue(async () => {
        slot.instrumentsQueued = false;
        // A pause or step published one already; a reset or configure replaced the run.
        if (this.status !== 'running' || !this.slots.includes(slot) || slot.dead || !slot.trainer) return;
        if (this.waiting > 0) return; // a message first; the next chunk asks again
        // Jacobians that took too long are left for the next pause or step (light: spectra, histograms).
        const tooSlow = (slot.lastFull?.ms ?? 0) > this.o.instrumentsBlockMs;
        await this.publish(slot, tooSlow ? 'light' : 'full', () => this.waiting > 0);
      });
    });
  }

  /**
   * After a light snapshot of a stopped run: the full one, in a later turn, if the run is still
   * stopped at the same step and no newer light snapshot asked for another.
   */
  private queueSettled(slot: Slot): void {
    const token = (slot.settleToken = ++this.settleTokens);
    const step = slot.trainer?.step;
    const runId = this.runId;
    this.o.defer(() => {
      void this.enqueue(async () => {
        if (slot.settleToken !== token || !this.slots.includes(slot) || slot.dead || !slot.trainer) return;
        if (this.status === 'running' || this.runId !== runId || slot.trainer.step !== step || !this.instruments.open) return;
        if (this.waiting > 0) return;
        await this.publish(slot, 'full', () => this.waiting > 0);
      });
    });
  }

  /** A snapshot of every live run; 'light': with instruments but the Jacobians to follow (queueSettled). */
  private async publishAll(instruments: 'none' | 'light' = 'none'): Promise<void> {
    for (const slot of this.slots) {
      if (!slot.trainer || slot.dead) continue;
      await this.publish(slot, instruments);
      if (instruments === 'light' && this.instruments.open && this.o.jacobians && !slot.dead) this.queueSettled(slot);
    }
  }

  /** Posts a snapshot; a non-finite loss or gradient stops that run with status 'diverged'. */
  private async publish(slot: Slot, instruments: 'none' | 'light' | 'full' = 'none', interrupted?: () => boolean): Promise<void> {
    const trainer = slot.trainer;
    if (!trainer) return;
    const { open, stepEigAt } = this.instruments;
    const light = instruments === 'light';
    const req = instruments !== 'none' && open ? { instruments: { stepEigAt, jacobians: this.o.jacobians, interrupted, light } } : {};
    let snap;
    try {
      snap = await trainer.snapshot(this.runId, req);
    } catch (e) {
      if (!this.comparing || this.o.backendLost()) throw e;
      this.kill(slot, 'error', errorMessage(e));
      return;
    }
    slot.lastSnapshot = now();
    if (req.instruments) {
      this.instrumentsStats.count++;
      this.instrumentsStats.totalMs += snap.instrumentsMs;
    }
    // An interrupted snapshot (a message was waiting) is tried again at a later chunk; a light one
    // taken while stopped does not count as the run's last snapshot (its full one follows).
    let ins = snap.telemetry.instruments;
    if (req.instruments && ins && (!light || this.status === 'running')) {
      slot.lastInstruments = slot.lastSnapshot;
      slot.instrumentsMs = snap.instrumentsMs;
    } else if (req.instruments && !ins && this.status === 'running') {
      // Given up for a message: the abandoned Jacobians still finish in the background, so the
      // next try waits its turn as if this one had been taken.
      slot.lastInstruments = slot.lastSnapshot;
    }
    if (ins && !light && ins.jacobians) slot.lastFull = { step: ins.step, jacobians: ins.jacobians, memory: ins.memory, ms: snap.instrumentsMs };
    else if (ins && light && slot.lastFull) {
      // The views keep the last Jacobians, marked with their own step, until new ones come.
      ins = { ...ins, jacobians: slot.lastFull.jacobians, memory: slot.lastFull.memory, jacobiansStep: slot.lastFull.step };
    }
    const index = this.slots.indexOf(slot);
    this.o.post({ type: 'telemetry', telemetry: { ...snap.telemetry, ...(ins ? { instruments: ins } : {}), slot: index } });
    if (snap.diverged && !slot.dead) this.kill(slot, 'diverged', snap.diverged);
  }

  /** Runs training work for one slot; in a comparison, an exception stops that slot only. */
  private guard(slot: Slot, fn: () => void): void {
    if (!this.comparing) return fn();
    try {
      fn();
    } catch (e) {
      // A lost backend is every run's problem: the queue's catch moves them all to the next one.
      if (this.o.backendLost()) throw e;
      this.kill(slot, 'error', errorMessage(e));
    }
  }

  /** Saves every live run's weights (on pause: even if saved at this step already). */
  private async checkpoint(force = false): Promise<void> {
    for (const slot of this.live()) await this.checkpointSlot(slot, force);
  }

  /**
   * Copies a run's weights when `checkpointEvery` steps have passed since the last copy. Read
   * asynchronously (WebGPU has no cheap synchronous read) and kept only if the backend was still
   * sound after the read: a lost WebGL context reads back zeros rather than failing.
   */
  private async checkpointSlot(slot: Slot, force = false): Promise<void> {
    const trainer = slot.trainer;
    if (!trainer || slot.dead) return;
    const since = trainer.step - (slot.good?.step ?? 0);
    if (since <= 0 || (!force && since < this.o.checkpointEvery)) return;
    const step = trainer.step;
    const entries = Object.entries(trainer.params);
    const [data, training] = await Promise.all([
      Promise.all(entries.map(([, v]) => v.data() as Promise<Float32Array>)),
      trainer.trainingState(),
    ]);
    if (this.o.backendLost() || trainer !== slot.trainer) return;
    const values: WeightSet = {};
    entries.forEach(([name, v], i) => {
      values[name] = { shape: [...v.shape], values: Float32Array.from(data[i]) };
    });
    slot.good = { step, values, training };
  }

  /**
   * Runs a queued task, or gives it up when the backend is lost meanwhile (the queue's catch then
   * moves the runs on). A task given up may still fail later, against the dead backend: unheard.
   */
  private unlessLost(fn: () => Promise<void> | void): Promise<void> {
    const work = Promise.resolve().then(fn);
    if (!this.watchesBackend) return work;
    work.catch(() => undefined);
    return Promise.race([work, this.o.whenLost().then((lost) => (lost ? Promise.reject(new Error(lost.message)) : work))]);
  }

  /** A queued task failed: on a lost backend the runs go on elsewhere; otherwise the session fails. */
  private async failOrRecover(e: unknown): Promise<void> {
    // A kernel may fail before the loss is announced (WebGPU's device.lost settles a moment later,
    // longer under load): an error gets up to a second for the announcement.
    if (this.watchesBackend && !this.o.backendLost()) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([this.o.whenLost(), new Promise((r) => (timer = setTimeout(r, LOSS_GRACE_MS)))]);
      clearTimeout(timer);
    }
    if (await this.recoverIfLost()) return;
    this.fail(e);
  }

  /** Whether the backend was lost (and the runs moved on to another); false while it is sound. */
  private async recoverIfLost(): Promise<boolean> {
    const lost = this.o.backendLost();
    if (!lost) return false;
    try {
      await this.recover(lost);
    } catch (e) {
      this.fail(e);
    }
    return true;
  }

  /**
   * Rebuilds every run on the next backend from its last copy of the weights (or its start, loaded
   * weights or seeded init, when none was taken yet), at the copy's step, and goes on as before.
   */
  private async recover(lost: LostBackend): Promise<void> {
    const to = await this.o.switchBackend(lost);
    const wasRunning = this.status === 'running';
    let step = Infinity;
    for (const slot of this.slots) {
      const old = slot.trainer;
      if (!old) continue;
      try {
        old.dispose();
      } catch {
        // Its tensors lived on the dead backend; nothing there to free.
      }
      slot.trainer = null;
      if (slot.dead) continue;
      const from = slot.good ?? { step: 0, values: slot.weights?.values, training: undefined };
      const trainer = new Trainer(slot.config, from.values);
      if (from.training) await trainer.resumeTraining(from.training);
      slot.trainer = trainer;
      slot.lastInstruments = -Infinity;
      slot.lastFull = undefined;
      step = Math.min(step, from.step);
    }
    if (!Number.isFinite(step)) step = 0;
    const slotSteps = this.comparing ? { slotSteps: this.slots.map((sl) => sl.trainer?.step ?? sl.good?.step ?? 0) } : {};
    this.o.post({ type: 'fault', runId: this.runId, kind: lost.kind, from: lost.backend, to, step, message: lost.message, ...slotSteps });
    this.applyProbe();
    this.samplesAt = -Infinity;
    this.setStatus(wasRunning ? 'running' : this.status === 'error' ? 'paused' : this.status);
    for (const slot of this.live()) slot.trainer!.restartRate();
    await this.publishAll('light');
    if (wasRunning) this.scheduleTick();
  }

  private kill(slot: Slot, status: 'diverged' | 'error', message: string): void {
    slot.dead = { status, message };
    this.postSlot(slot);
  }

  private setStatus(status: RunStatus, message?: string): void {
    this.status = status;
    if (!this.comparing && this.slots.length === 0) {
      this.o.post({ type: 'status', runId: this.runId, status, message });
      return;
    }
    for (const slot of this.slots) this.postSlot(slot, status === 'error' ? message : undefined, status === 'error');
  }

  /** A slot that stopped on its own keeps saying so until rebuilt (unless the session failed). */
  private postSlot(slot: Slot, message?: string, sessionFailed = false): void {
    const dead = sessionFailed ? undefined : slot.dead;
    this.o.post({
      type: 'status', runId: this.runId,
      ...(this.comparing ? { slot: this.slots.indexOf(slot) } : {}),
      status: dead?.status ?? this.status,
      message: dead?.message ?? message,
      paramCount: slot.trainer?.paramCount,
    });
  }

  private disposeSlots(): void {
    for (const slot of this.slots) slot.trainer?.dispose();
    this.slots = [];
  }

  private fail(e: unknown): void {
    this.setStatus('error', errorMessage(e));
  }
}
