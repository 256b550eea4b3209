// Reads a weight file off the main thread (src/engine/weights-load.ts): the page posts the File,
// this worker answers with plain arrays, their buffers transferred. A 50 MB or hostile file costs
// this worker time, never the page's frames. The page starts one worker per file and terminates
// it after the answer.
import { readWeightsRequest, type WeightsReply, type WeightsRequest } from '../engine/weights-load';

const ctx = self as unknown as {
  onmessage: ((e: MessageEvent<WeightsRequest>) => void) | null;
  postMessage(m: WeightsReply, transfer?: Transferable[]): void;
};
ctx.onmessage = (e) => {
  void readWeightsRequest(e.data).then((reply) => {
    const buffers = reply.ok ? Object.values(reply.file.values).map((d) => d.values.buffer as ArrayBuffer) : [];
    ctx.postMessage(reply, [...new Set(buffers)]);
  });
};
