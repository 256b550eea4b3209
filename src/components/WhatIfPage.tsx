// The "what if" page (issue 10, item 6): no training. Sliders for W_hh = ρ·Q (or a scaled Gaussian,
// or the identity), the sequence length, the input scale and H; a tanh RNN on a seeded random input
// is rerun in the page (plain JS, src/engine/instruments/whatif.ts) and the spectrum, the Jacobians
// through time and the long-memory fit follow the slider. A drag recomputes at most once per
// animation frame (the latest values win); the time it took is shown (`whatif-timing[data-ms]`).
import { useEffect, useMemo, useRef, useState } from 'react';
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

/** Recomputes on the next animation frame after the parameters change (a drag coalesces to one run per frame). */
function useWhatIf(params: Parameters<typeof computeWhatIf>[0]): WhatIfResult | null {
  const [result, setResult] = useState<WhatIfResult | null>(null);
  const frame = useRef<number | null>(null);
  const key = JSON.stringify(params);
  useEffect(() => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      setResult(computeWhatIf(params));
    });
    return () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      frame.current = null;
    };
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
  const mem = r ? memorySeries('whatif', '', INSTRUMENT.primary, r.jacobians, r.memory) : null;
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
            <p className="control-help" data-testid="whatif-timing" data-ms={r ? r.ms.toFixed(1) : ''}>
              {r ? t('whatif.timing', { ms: r.ms.toFixed(0) }) : ''}
            </p>
            <p className="control-help"><RichText text={t('whatif.estimate', { k: EXACT_LAGS, b: BLOCK })} /></p>
          </div>
        </aside>
        <div className="main-col">
          <div className="grid-2">
            <Card title={t('instr.spectrum')} hint={t('instr.spectrum.hint')}>
              <SpectrumWidget spectrum={r?.spectrum ?? null} testId="whatif-spectrum" />
              <p className="card-hint" data-testid="whatif-outside" data-outside={r?.outside ?? ''}>
                {r ? t('whatif.outside', { n: r.outside, total: r.spectrum.eigenvalues?.length ?? 0 }) : ''}
              </p>
            </Card>
            <Card title={t('instr.jacobian')} hint={t('instr.jacobian.hint')}>
              <JacobianWidget testId="whatif-jacobian" profiles={[{ id: 'whatif', jacobians: r?.jacobians ?? null }]} />
            </Card>
          </div>
          <Card title={t('instr.memory')} hint={t('instr.memory.hint')}>
            <MemoryWidget testId="whatif-memory" series={mem ? [mem] : []} />
          </Card>
        </div>
      </div>
    </div>
  );
}
