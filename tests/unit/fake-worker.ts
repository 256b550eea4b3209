// A stand-in for the training worker in bridge tests: records what the page sends, and `emit`
// delivers a message as if the worker had posted it.
import type { WorkerLike } from '../../src/store/bridge';
import type { FromWorker, ToWorker } from '../../src/protocol/messages';

export type FakeWorker = WorkerLike & { sent: ToWorker[]; emit(m: FromWorker): void };

export function fakeWorker(): FakeWorker {
  const sent: ToWorker[] = [];
  return {
    sent,
    postMessage: (m) => sent.push(m),
    terminate: () => {},
    onmessage: null,
    onerror: null,
    emit(m) {
      this.onmessage?.({ data: m } as MessageEvent<FromWorker>);
    },
  };
}
