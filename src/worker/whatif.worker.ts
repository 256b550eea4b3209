// The what-if page's computation (src/engine/instruments/whatif.ts) off the main thread: the page
// posts the sliders' values, the worker answers with the result (plain arrays, cloned). The page
// keeps at most one request in flight and sends only the latest values, so a drag never queues up.
import { computeWhatIf, type WhatIfParams, type WhatIfResult } from '../engine/instruments/whatif';

export interface WhatIfRequest {
  id: number;
  params: WhatIfParams;
}

export interface WhatIfReply {
  id: number;
  result: WhatIfResult;
}

const ctx = self as unknown as { onmessage: ((e: MessageEvent<WhatIfRequest>) => void) | null; postMessage(m: WhatIfReply): void };
ctx.onmessage = (e) => {
  ctx.postMessage({ id: e.data.id, result: computeWhatIf(e.data.params) });
};
