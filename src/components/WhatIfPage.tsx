// The "what if" page (issue 10, item 6): no training. Sliders for W_hh = ρ·Q (or a scaled Gaussian,
// or the identity), the sequence length, the input scale and H; a tanh RNN on a seeded random input
// is rerun in the page (plain JS, src/engine/instruments/whatif.ts) and the spectrum, the Jacobians
// through time and the long-memory fit follow the slider. The computation runs in a worker of its
// own (src/worker/whatif.worker.ts); the time it took is shown (`whatif-timing[data-ms]`).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { WhatIfReply, WhatIfRequest } from '../worker/whatif.worker';
import { appStore, useApp } from '../store';
import { WHATIF_MATRIX_CHOICES, type WhatIfUi, numLimitsUi } from '../store/url';
import { computeWhatIf, BLOCK, EXACT_LAGS, type WhatIfResult } from '../engine/instruments/whatif';
import { Card } from './Playground';
import { Slider } from './Slider';
import { RichText } from './RichText';
import { JacobianWidget, MemoryWidget, SpectrumWidget, memorySeries } from './Instruments';
import { INSTRUMENT } from '../views/palette';
import { useT } from './hooks';
import type { MessageKey } from '../i18n';

function setWi(patch: Partial<WhatIfUi>) {
  appStore().getState().setUi(patch);
}

type Params = Parameters<typeof computeWhatIf>[0];

/**
 * Recomputes when a slider moves, in a worker of its own (a few tens of ms at T = 200, H = 64, which
 * would otherwise hold up the page's frames), at most one request in flight, the latest values
 * sent when it returns; the views redraw on the next animation frame. The first result is
 * computed in the page, so the page never shows empty charts. Without Worker support, every
 * result is computed in the page.
 */
function useWhatIf(params: Params): WhatIfResult {
  const key = JSON.stringify(params);
  const [result, setResult] = useState<WhatIfResult>(() => computeWhatIf(params));
  const st = useRef<{ worker: Worker | null; busy: boolean; pending: Params | null; id: number; shown: string }>({
    worker: null, busy: false, pending: null, id: 0, shown: key,
  });
  useEffect(() => {
    if (typeof Worker === 'undefined') return;
    const s = st.current;
    const worker = new Worker(new URL('../worker/whatif.worker.ts', import.meta.url), { type: 'module' });
    s.worker = worker;
    worker.onmessage = (e: MessageEvent<WhatIfReply>) => {
      s.busy = false;
      if (e.data.id === s.id) setResult(e.data.result);
      const next = s.pending;
      s.pending = null;
      if (next) send(next);
    };
    const send = (p: Params) => {
      s.busy = true;
      s.id += 1;
      worker.postMessage({ id: s.id, params: p } satisfies WhatIfRequest);
    };
    sendRef.current = (p: Params) => (s.busy ? (s.pending = p) : send(p));
    // Warm the worker up (its JIT, the cached Q) on the values shown; the answer is the same result.
    send(JSON.parse(s.shown) as Params);
    return () => {
      worker.terminate();
      s.worker = null;
      s.busy = false;
      s.pending = null;
      sendRef.current = null;
    };
  }, []);
  const sendRef = useRef<((p: Params) => void) | null>(null);
  useEffect(() => {
    if (key === st.current.shown) return;
    st.current.shown = key;
    if (sendRef.current) sendRef.current(params);
    else setResult(computeWhatIf(params));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return result;
}

export function WhatIfPage() {
  const t = useT();
  const ui = useApp((s) => s.ui);
  const seed = useApp((s) => s.config.seed);
  const params = useMemo(
    () => ({ matrix: ui.wiMatrix, rho: ui.wiRho, T: ui.wiLen, H: ui.wiHidden, inputScale: ui.wiScale, seed }),
    [ui.wiMatrix, ui.wiRho, ui.wiLen, ui.wiHidden, ui.wiScale, seed],
  );
  const r = useWhatIf(params);
  const lim = (f: keyof WhatIfUi) => numLimitsUi(f);
  const mem = memorySeries('whatif', '', INSTRUMENT.primary, r.jacobians, r.memory);
  return (
    <div className="whatif" data-testid="whatif-page">
      <header className="page-head">
        <h1 className="page-title">{t('whatif.title')}</h1>
        <p className="page-intro"><RichText text={t('whatif.intro')} /></p>
      </header>
      <div className="playground">
        <aside className="sidebar">
          <div className="control-panel">
            <div className="control">
              <label htmlFor="whatif-matrix"><RichText text={t('whatif.matrix')} /></label>
              <select id="whatif-matrix" data-testid="whatif-matrix" value={ui.wiMatrix}
                onChange={(e) => setWi({ wiMatrix: e.currentTarget.value as WhatIfUi['wiMatrix'] })}>
                {WHATIF_MATRIX_CHOICES.map((m) => <option key={m} value={m}>{t(`whatif.matrix.${m}` as MessageKey)}</option>)}
              </select>
            </div>
            <Slider testId="slider-wiRho" label={t('whatif.rho')} value={ui.wiRho} {...lim('wiRho')} step={0.01}
              format={(v) => v.toFixed(2)} onChange={(v) => setWi({ wiRho: v })} />
            <Slider testId="slider-wiLen" label={t('whatif.len')} value={ui.wiLen} {...lim('wiLen')} step={1}
              onChange={(v) => setWi({ wiLen: Math.round(v) })} />
            <Slider testId="slider-wiScale" label={t('whatif.scale')} value={ui.wiScale} {...lim('wiScale')} step={0.01}
              format={(v) => v.toFixed(2)} help={t('whatif.scale.help')} onChange={(v) => setWi({ wiScale: v })} />
            <Slider testId="slider-wiHidden" label={t('whatif.hidden')} value={ui.wiHidden} {...lim('wiHidden')} step={1}
              onChange={(v) => setWi({ wiHidden: Math.round(v) })} />
            <p className="control-help" data-testid="whatif-timing" data-ms={r.ms.toFixed(1)}>
              {t('whatif.timing', { ms: r.ms.toFixed(0) })}
            </p>
            <p className="control-help"><RichText text={t('whatif.estimate', { k: EXACT_LAGS, b: BLOCK })} /></p>
          </div>
        </aside>
        <div className="main-col">
          <div className="grid-2">
            <Card title={t('instr.spectrum')} hint={t('instr.spectrum.hint')} exportAs="spectrum">
              <SpectrumWidget spectrum={r.spectrum} testId="whatif-spectrum" />
              <p className="card-hint" data-testid="whatif-outside" data-outside={r.outside}>
                {t('whatif.outside', { n: r.outside, total: r.spectrum.eigenvalues?.length ?? 0 })}
              </p>
            </Card>
            <Card title={t('instr.jacobian')} hint={t('instr.jacobian.hint')} exportAs="jacobian">
              <JacobianWidget testId="whatif-jacobian" profiles={[{ id: 'whatif', jacobians: r.jacobians }]} />
            </Card>
          </div>
          <Card title={t('instr.memory')} hint={t('instr.memory.hint')} exportAs="long-memory">
            <MemoryWidget testId="whatif-memory" series={mem ? [mem] : []} />
          </Card>
        </div>
      </div>
    </div>
  );
}
