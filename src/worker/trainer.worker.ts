// The training worker: picks a backend on 'init', hands every other message to the engine's
// TrainingSession. Kept thin on purpose; the loop and its rules live in src/engine/session.ts.
// A GPU backend that dies under it (fault-watch.ts) is replaced by the next one in the fixed order;
// the session goes on from its last copy of the weights.
/// <reference lib="webworker" />
// tfjs-core alone registers no gradient functions (in Node, src/engine/node-backend.ts does it).
// Core first: registering gradients reads its flags, which Vite's dev bundles only set up once
// the core entry has run ("Cannot evaluate flag 'DEBUG'" otherwise).
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { TrainingSession } from '../engine/session';
import { chooseBackend } from './backend';
import { FaultWatch } from './fault-watch';
import type { BackendName, FromWorker, ToWorker } from '../protocol/messages';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: FromWorker) => scope.postMessage(msg);

// A MessageChannel hop yields to pending messages without setTimeout's clamping to ≥4 ms.
const channel = new MessageChannel();
const deferred: (() => void)[] = [];
channel.port1.onmessage = () => deferred.shift()?.();
const defer = (fn: () => void) => {
  deferred.push(fn);
  channel.port2.postMessage(null);
};

const faults = new FaultWatch();
let initMsg: Extract<ToWorker, { type: 'init' }> = { type: 'init' };
const lost: BackendName[] = [];

const session = new TrainingSession({
  post,
  defer,
  backendLost: () => faults.check(),
  whenLost: () => faults.whenLost(),
  async switchBackend(why) {
    lost.push(why.backend);
    // The next backend at once, in the fixed order: no time for another measurement mid-run.
    const report = await chooseBackend({ ...initMsg, prefer: 'auto', measure: false, lost: [...lost] });
    faults.watch(report.backend);
    post({ type: 'backend', report });
    return report.backend;
  },
});
let backendReady: Promise<void> | null = null;

function initBackend(msg: Extract<ToWorker, { type: 'init' }> = { type: 'init' }): Promise<void> {
  initMsg = msg;
  backendReady = chooseBackend(msg).then(
    (report) => {
      faults.watch(report.backend);
      post({ type: 'backend', report });
    },
    (e: unknown) => post({ type: 'status', runId: -1, status: 'error', message: e instanceof Error ? e.message : String(e) }),
  );
  return backendReady;
}

scope.onmessage = async (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  if (msg.type === 'init') {
    await initBackend(msg);
    return;
  }
  // A page that skipped 'init' still gets the automatic choice before its first run.
  await (backendReady ?? initBackend());
  if (msg.type === 'simulateFault') {
    faults.simulate(msg.kind);
    return;
  }
  void session.handle(msg);
};
