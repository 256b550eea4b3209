// Going to a cell's card: the page switches, the cell becomes the run's cell, and its preset
// (a task it learns live, with sizes that train in a minute) replaces the run settings.
import type { CellMeta } from './catalog';
import type { AppStore } from './index';
import type { RunConfig } from '../worker/protocol';
import { controls } from './controls';

export function presetPatch(cell: CellMeta): Partial<RunConfig> {
  const p = cell.preset;
  if (!p) return {};
  const patch: Partial<RunConfig> = { taskId: p.taskId };
  if (p.seqLen !== undefined) patch.seqLen = p.seqLen;
  if (p.hiddenSize !== undefined) patch.hiddenSize = p.hiddenSize;
  if (p.numLayers !== undefined) patch.numLayers = p.numLayers;
  if (p.learningRate !== undefined) patch.learningRate = p.learningRate;
  if (p.clipNorm !== undefined) patch.clipNorm = p.clipNorm;
  return patch;
}

export function applyPreset(store: AppStore, cell: CellMeta): void {
  const s = store.getState();
  // Stop first: a card opens paused, so what trains is what the reader chose to start.
  if (s.run.wantPlaying) controls().pause();
  s.setCell(cell.id, cell.preset?.options);
  s.setConfig(presetPatch(cell));
}

export function openCard(store: AppStore, cellId: string): void {
  const cell = store.getState().catalog?.cells.find((c) => c.id === cellId);
  if (cell) applyPreset(store, cell);
  store.getState().setUi({ page: 'cell' });
  if (typeof window !== 'undefined') window.scrollTo?.({ top: 0 });
}

export function cardHref(cellId: string, lang: string): string {
  return `?page=cell&cell=${encodeURIComponent(cellId)}&lang=${lang}`;
}
