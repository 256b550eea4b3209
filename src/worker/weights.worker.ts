// Weight files off the main thread. Reading (src/engine/weights-load.ts): the page posts the
// File, this worker answers with plain arrays, their buffers transferred; a 50 MB or hostile file
// costs this worker time, never the page's frames. Saving (src/engine/weights-save.ts): the page
// posts the run's weights and gets the file's Blob back, its tens of
// megabytes of JSON written here. The page starts one worker per file and terminates it after
// the answer.
import { readWeightsRequest, type WeightsReply, type WeightsRequest } from '../engine/weights-load';
import { saveWeightsRequest, type SaveReply, type SaveRequest } from '../engine/weights-save';

const ctx = self as unknown as {
  onmessage: ((e: MessageEvent<WeightsRequest | SaveRequest>) => void) | null;
  postMessage(m: WeightsReply | SaveReply, transfer?: Transferable[]): void;
};
ctx.onmessage = (e) => {
  const req = e.data;
  if ('kind' in req && req.kind === 'save') {
    ctx.postMessage(saveWeightsRequest(req));
    return;
  }
  void readWeightsRequest(req as WeightsRequest).then((reply) => {
    const buffers = reply.ok ? Object.values(reply.file.values).map((d) => d.values.buffer as ArrayBuffer) : [];
    ctx.postMessage(reply, [...new Set(buffers)]);
  });
};
