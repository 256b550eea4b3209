// The live value beside the ρ control: the spectral radius of the configured cell's first-layer
// recurrent weight as it is initialised for this seed (before the control acts), computed on the
// main thread from the same seeded numbers the worker draws. undefined while loading, null for a
// cell without a square recurrent matrix the control acts on.
import { useEffect, useState } from 'react';
import { useApp } from '../store';

export function useInitRadius(enabled: boolean): number | null | undefined {
  const cellId = useApp((s) => s.config.cellId);
  const optionsKey = useApp((s) => JSON.stringify(s.config.cellOptions ?? {}));
  const hiddenSize = useApp((s) => s.config.hiddenSize);
  const numLayers = useApp((s) => s.config.numLayers);
  const seqLen = useApp((s) => s.config.seqLen);
  const seed = useApp((s) => s.config.seed);
  const inputSize = useApp((s) => s.catalog?.tasks.find((t) => t.id === s.config.taskId)?.inputSize ?? 1);
  const [rho, setRho] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    let alive = true;
    // The cells' info and the stack's shape hold no tfjs: the page computes this without it.
    void Promise.all([import('../cells/info'), import('../engine/spectral')]).then(([cells, spectral]) => {
      const cell = cells.cellInfoList.find((c) => c.id === cellId);
      if (!alive || !cell) return;
      try {
        const r = spectral.initRecurrentRadius({
          cell, inputSize, hiddenSize, numLayers, bidirectional: false, seqLen,
          options: JSON.parse(optionsKey),
        }, seed);
        setRho(r);
      } catch {
        setRho(undefined);
      }
    });
    return () => {
      alive = false;
    };
  }, [enabled, cellId, optionsKey, hiddenSize, numLayers, seqLen, seed, inputSize]);
  return enabled ? rho : undefined;
}
