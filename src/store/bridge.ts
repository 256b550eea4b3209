// The one place that talks to the training worker. It turns config changes into `configure`
// messages (a new runId unless only live optimiser fields changed), forwards telemetry and status
// into the store, and drops anything from a run that is no longer current. On the Compare page it
// sends one `compare` run instead (the worker trains the chosen cells in turn, one slot each). It
// tells the worker whether instrument views are open and which step's Jacobian eigenvalues they
// want (an 'instruments' message when either changes and before every configure or compare).
// A backend that dies (the worker's 'error' event, or a run failing with a WASM abort or out of
// memory) is not left broken: the bridge ends that worker, starts a new one, configures it with the
// current settings (paused) and leaves a notice in the store. The samples panel's wish (text from a
// character model) goes to the worker when it changes and before every configure while there is
// one; the worker's 'samples' answers for the current run land in the store.
// The backend the worker measured as the fastest is remembered for this device (device-settings.ts)
// and handed to the next worker. A GPU backend lost mid-run ('fault': the worker went on elsewhere
// from its last saved weights) leaves a notice, and the curves drop the steps that were undone.
// A hidden tab pauses a playing run (unless the reader chose to keep training) and plays it again
// when shown.
import { LIVE_FIELDS, type FaultKind, type FromWorker, type RunConfig, type ToWorker, type WeightSet } from '../protocol/messages';
import type { AppState, AppStore } from './index';
import { defaultOptions } from './url';
import { forgetBackend, rememberBackend, rememberedBackends, timeSoftwareAdapters, useDeviceSettings } from './device-settings';

export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  terminate(): void;
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
}

export interface Bridge {
  play(): void;
  pause(): void;
  toggle(): void;
  step(steps?: number): void;
  reset(): void;
  /** The current run's parameter values (for saving a weight file); rejects on the Compare page. */
  exportWeights(): Promise<WeightSet>;
  destroy(): void;
}

export function defaultWorker(): WorkerLike {
  return new Worker(new URL('../worker/trainer.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike;
}

/** Only the live fields differ: the optimiser can change without restarting the run. */
export function onlyLiveFieldsChanged(a: RunConfig, b: RunConfig): boolean {
  const live = new Set<string>(LIVE_FIELDS);
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof RunConfig>;
  for (const k of keys) {
    if (live.has(k)) continue;
    const same = k === 'cellOptions' ? JSON.stringify(a[k]) === JSON.stringify(b[k]) : a[k] === b[k];
    if (!same) return false;
  }
  return true;
}

export function configsEqual(a: RunConfig, b: RunConfig): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The Compare page's runs: the shared settings, each cell with its own default options. */
export function compareConfigs(s: AppState): RunConfig[] {
  return s.ui.compare.map((cellId) => {
    const meta = s.catalog?.cells.find((c) => c.id === cellId);
    const cellOptions = cellId === s.config.cellId ? s.config.cellOptions : meta ? defaultOptions(meta.options) : {};
    return { ...s.config, cellId, cellOptions };
  });
}

const isCompare = (s: AppState) => s.ui.page === 'compare';

/**
 * The typed probe input the views should watch: only where the reader typed it (the Playground
 * and the cell cards); a lesson or a comparison shows its tasks' own examples, as its text says.
 */
const probeFor = (s: AppState) => (s.ui.page === 'playground' || s.ui.page === 'cell' ? s.probeInput.input : null);

/** A tfjs or WASM failure after which the worker's backend is unusable (only a new worker helps). */
export const FATAL_BACKEND_ERROR = /Aborted|memory access out of bounds|out of memory|Out of memory|Cannot enlarge memory|RangeError: (Array buffer allocation failed|WebAssembly\.Memory)/;

/** Restarts in a row without a training step in between before the bridge stops retrying. */
export const MAX_RESPAWNS = 3;

export interface BridgeOptions {
  makeWorker?: () => WorkerLike;
  /** Restarts wait this long so a dragged slider does not rebuild the model on every tick. */
  debounceMs?: number;
  /** Whose visibility pauses training (the page's document by default; tests pass a fake). */
  visibility?: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'> | null;
}

declare global {
  interface Window {
    /** Test hooks, harmless in a reader's hands: simulateFault loses the training backend's GPU context once. */
    __atlasDebug?: { simulateFault(kind: FaultKind): void };
  }
}

export function createBridge(store: AppStore, opts: BridgeOptions = {}): Bridge {
  const debounceMs = opts.debounceMs ?? 150;
  const makeWorker = opts.makeWorker ?? defaultWorker;
  let worker = makeWorker();
  /** Crashes since the last training step that got through; past MAX_RESPAWNS the bridge waits for a change. */
  let crashes = 0;
  const timers: { restart: ReturnType<typeof setTimeout> | null } = { restart: null };
  const sent: { config: RunConfig | null; compare: string | null } = { config: null, compare: null };

  const post = (m: ToWorker) => worker.postMessage(m);
  const exports: { resolve: (w: WeightSet) => void; reject: (e: Error) => void; runId: number }[] = [];

  /** A single run's configure: loaded weights travel with every one, so the worker keeps them. */
  const configureMsg = (s: AppState): ToWorker => {
    const w = s.weights.loaded;
    return { type: 'configure', runId: s.run.runId, config: s.config, ...(w ? { weights: { id: w.id, values: w.values } } : {}) };
  };

  /** The page's instrument wishes; the worker keeps them across runs (sent before every configure too). */
  const instrumentsMsg = (s: AppState): ToWorker => {
    const { open, stepEigAt } = s.instruments;
    return { type: 'instruments', open, ...(stepEigAt !== null ? { stepEigAt } : {}) };
  };

  const sendConfigure = () => {
    timers.restart = null;
    const s = store.getState();
    const { config, run } = s;
    sent.config = config;
    // First, so the run's step-0 snapshot already knows (a replaced worker starts closed).
    post(instrumentsMsg(s));
    // Likewise the typed probe input (the worker keeps it across runs; a replaced one has not seen it).
    const probe = probeFor(s);
    if (probe) post({ type: 'probeInput', input: probe });
    if (isCompare(s)) {
      sent.compare = s.ui.compare.join(',');
      s.resetCompare(s.ui.compare);
      post({ type: 'compare', runId: run.runId, configs: compareConfigs(s) });
    } else {
      sent.compare = null;
      post(configureMsg(s));
    }
    // After the configure: the new run samples at step 0 if its worker already knew (a replaced one did not).
    if (s.samples.want) post({ type: 'samples', want: s.samples.want });
    if (run.wantPlaying) post({ type: 'play' });
  };

  /** A new run: new runId at once (stale telemetry is dropped from now on), message soon. */
  const restart = (immediate: boolean) => {
    const s = store.getState();
    s.setRun({ runId: s.run.runId + 1, status: 'loading', message: null, paramCount: null });
    s.clearTelemetry();
    if (timers.restart) clearTimeout(timers.restart);
    if (immediate || debounceMs <= 0) sendConfigure();
    else timers.restart = setTimeout(sendConfigure, debounceMs);
  };

  const onMessage = (ev: MessageEvent<FromWorker>) => {
    const msg = ev.data;
    const s = store.getState();
    if (msg.type === 'backend') {
      s.setRun({ backend: msg.report });
      const { how, deviceKey, measured, backend } = msg.report;
      if (how === 'measured' && deviceKey && measured) rememberBackend(deviceKey, { backend, measured, at: Date.now() });
      return;
    }
    if (msg.type === 'fault') {
      if (msg.runId !== s.run.runId) return;
      const reached = s.run.step;
      useDeviceSettings.setState({ fault: { kind: msg.kind, from: msg.from, to: msg.to, step: msg.step, reached } });
      // The curves lose the steps that were undone; the worker's next points count on from msg.step.
      const keep = <P extends { step: number }>(h: P[], step = msg.step) => h.filter((p) => p.step <= step);
      const cur = store.getState();
      store.setState({
        telemetry: { ...cur.telemetry, history: keep(cur.telemetry.history) },
        compareRun: { ...cur.compareRun, slots: cur.compareRun.slots.map((sl, i) => ({ ...sl, history: keep(sl.history, msg.slotSteps?.[i]) })) },
      });
      return;
    }
    if (msg.type === 'weights') {
      for (const e of exports.splice(0)) {
        if (e.runId === msg.runId) e.resolve(msg.values);
        else e.reject(new Error('the run changed while its weights were read'));
      }
      return;
    }
    if (msg.type === 'weightsStatus') {
      const loaded = s.weights.loaded;
      if (msg.runId !== s.run.runId || !loaded || loaded.id !== msg.id) return;
      if (msg.applied) return;
      // The model no longer has the file's shape (another cell, size or task): set the file aside.
      s.clearWeights({ kind: 'error', text: `${loaded.name} no longer fits the model (${msg.message ?? 'another shape'}); training starts from a fresh init` });
      return;
    }
    if (msg.type === 'samples') {
      if (msg.runId === s.run.runId) s.pushSamples(msg.samples);
      return;
    }
    if (msg.type === 'probeStatus') {
      // Only about the input the page still holds (a newer one has its own answer coming).
      const cur = s.probeInput.input;
      if (!cur || cur.mode !== msg.input.mode || cur.text !== msg.input.text) return;
      if (msg.applied) s.setProbeStatus({ T: msg.T ?? null, message: null });
      else s.setProbeStatus({ input: null, T: null, message: msg.message ?? 'the input does not fit this model' });
      return;
    }
    if (msg.type === 'telemetry') {
      if (msg.telemetry.runId !== s.run.runId) return;
      if (msg.telemetry.step > 0) crashes = 0;
      if (sent.compare !== null) s.pushCompareTelemetry(msg.telemetry);
      else s.pushTelemetry(msg.telemetry);
      return;
    }
    if (msg.status === 'error' && msg.message && FATAL_BACKEND_ERROR.test(msg.message)) {
      // The backend itself died (whichever run it was on): only a new worker recovers.
      respawn(msg.message);
      return;
    }
    if (msg.runId !== s.run.runId) return;
    // A repeated error status (Play pressed on a failed run) comes without its reason: keep the first.
    const stuck = msg.status === 'error' || msg.status === 'diverged';
    const message = msg.message ?? (stuck && s.run.status === msg.status ? s.run.message : null);
    const patch: Parameters<typeof s.setRun>[0] = { status: msg.status, message };
    if (sent.compare !== null && msg.slot !== undefined) {
      s.setCompareSlot(msg.slot, {
        status: msg.status,
        message: msg.message ?? null,
        ...(msg.paramCount !== undefined ? { paramCount: msg.paramCount } : {}),
      });
      // One compared cell diverging stops only its own curve; the page stops when all have.
      const slots = store.getState().compareRun.slots;
      const dead = (st: string) => st === 'diverged' || st === 'error';
      if (dead(msg.status) && !slots.every((sl) => dead(sl.status))) return;
    } else if (msg.paramCount !== undefined) patch.paramCount = msg.paramCount;
    if (msg.status === 'diverged' || msg.status === 'error') patch.wantPlaying = false;
    s.setRun(patch);
  };
  const onError = (ev: ErrorEvent) => {
    respawn(ev.message || 'the training worker failed');
  };

  const attach = (w: WorkerLike) => {
    w.onmessage = onMessage;
    w.onerror = onError;
    const prefer = store.getState().ui.backend;
    w.postMessage({ type: 'init', prefer, ...(prefer === 'auto' ? { remembered: rememberedBackends() } : {}), ...(timeSoftwareAdapters() ? { timeSoftware: true } : {}) });
  };

  /** A fresh worker that measures the backends again (the "measure again" button); the run starts over. */
  const remeasure = () => {
    const key = store.getState().run.backend?.deviceKey;
    if (key) forgetBackend(key);
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
    for (const e of exports.splice(0)) e.reject(new Error('the training worker stopped'));
    worker = makeWorker();
    store.getState().setRun({ backend: null, wantPlaying: false });
    useDeviceSettings.setState({ fault: null });
    attach(worker);
    restart(true);
  };

  /**
   * Ends a dead worker and starts another with the current settings, paused, so a model that
   * killed the backend does not kill it again on its own. After MAX_RESPAWNS crashes with no
   * training step between them, the new worker waits for the next change of settings instead.
   */
  function respawn(why: string): void {
    crashes++;
    worker.onmessage = null;
    worker.onerror = null;
    worker.terminate();
    for (const e of exports.splice(0)) e.reject(new Error('the training worker stopped'));
    worker = makeWorker();
    attach(worker);
    const s = store.getState();
    const gaveUp = crashes > MAX_RESPAWNS;
    s.setRun({ wantPlaying: false, workerNotice: { why, gaveUp, at: Date.now() } });
    if (!gaveUp) {
      restart(true);
      return;
    }
    // Configured on the next change of settings (the store listener restarts then).
    if (timers.restart) clearTimeout(timers.restart);
    timers.restart = null;
    sent.config = s.config;
    sent.compare = isCompare(s) ? s.ui.compare.join(',') : null;
    s.setRun({ runId: s.run.runId + 1, status: 'error', message: `the training backend keeps failing with these settings (${why})` });
    s.clearTelemetry();
  }

  attach(worker);
  restart(true);
  useDeviceSettings.setState({ remeasure });

  const unsubscribe = store.subscribe((s, prev) => {
    if (!sent.config) return;
    const ins = s.instruments;
    const insPrev = prev.instruments;
    if (ins.open !== insPrev.open || ins.stepEigAt !== insPrev.stepEigAt) post(instrumentsMsg(s));
    if (s.samples.want !== prev.samples.want) post({ type: 'samples', want: s.samples.want });
    if (probeFor(s) !== probeFor(prev)) post({ type: 'probeInput', input: probeFor(s) });
    const compareKey = isCompare(s) ? s.ui.compare.join(',') : null;
    if (compareKey !== sent.compare) {
      crashes = 0;
      // Recorded now: restart's own store updates re-enter this listener before the send.
      sent.compare = compareKey;
      restart(false);
      return;
    }
    if (s.weights.loaded !== prev.weights.loaded && compareKey === null) {
      // A weight file loaded (or set aside): the run starts over from it at once.
      crashes = 0;
      restart(true);
      return;
    }
    if (s.config === prev.config) return;
    if (configsEqual(s.config, sent.config)) return;
    // A compare run has no live path: any change starts the comparison over, for every cell alike.
    if (!timers.restart && compareKey === null && onlyLiveFieldsChanged(s.config, sent.config)) {
      sent.config = s.config;
      post(configureMsg(s));
      return;
    }
    crashes = 0;
    restart(false);
  });

  // A hidden tab pauses a playing run to save battery (unless the reader keeps it training) and
  // plays it again once shown, if this pause was the page's and not the reader's.
  const visibility = opts.visibility !== undefined ? opts.visibility : typeof document !== 'undefined' ? document : null;
  const onVisibility = () => {
    const device = useDeviceSettings.getState();
    if (visibility?.visibilityState === 'hidden') {
      if (device.keepTrainingHidden || !store.getState().run.wantPlaying) return;
      useDeviceSettings.setState({ hiddenPause: true });
      bridge.pause();
    } else if (device.hiddenPause) {
      useDeviceSettings.setState({ hiddenPause: false });
      const { status } = store.getState().run;
      if (status !== 'error' && status !== 'diverged') bridge.play();
    }
  };
  visibility?.addEventListener('visibilitychange', onVisibility);

  if (typeof window !== 'undefined') {
    window.__atlasDebug = { ...window.__atlasDebug, simulateFault: (kind: FaultKind) => post({ type: 'simulateFault', kind }) };
  }

  const setWant = (wantPlaying: boolean) => {
    store.getState().setRun({ wantPlaying });
    if (timers.restart) {
      clearTimeout(timers.restart);
      sendConfigure();
    }
  };

  const bridge: Bridge = {
    play() {
      useDeviceSettings.setState({ hiddenPause: false });
      setWant(true);
      post({ type: 'play' });
    },
    pause() {
      setWant(false);
      post({ type: 'pause' });
    },
    toggle() {
      if (store.getState().run.wantPlaying) this.pause();
      else this.play();
    },
    step(steps = 1) {
      setWant(false);
      post({ type: 'pause' });
      post({ type: 'step', steps });
    },
    reset() {
      crashes = 0;
      setWant(false);
      post({ type: 'pause' });
      restart(true);
      post({ type: 'reset' });
    },
    exportWeights() {
      const s = store.getState();
      if (isCompare(s)) return Promise.reject(new Error('weights are saved from a single run, not a comparison'));
      return new Promise<WeightSet>((resolve, reject) => {
        exports.push({ resolve, reject, runId: s.run.runId });
        post({ type: 'exportWeights', runId: s.run.runId });
      });
    },
    destroy() {
      unsubscribe();
      visibility?.removeEventListener('visibilitychange', onVisibility);
      if (useDeviceSettings.getState().remeasure === remeasure) useDeviceSettings.setState({ remeasure: null });
      for (const e of exports.splice(0)) e.reject(new Error('the training worker stopped'));
      if (timers.restart) clearTimeout(timers.restart);
      worker.terminate();
    },
  };
  return bridge;
}
