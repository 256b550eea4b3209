// The live views beside a lesson step's text, in the order the step lists them (the first one
// drawn largest): the gate heatmaps, the gradient profile and the loss from the run's telemetry,
// the instruments (spectrum, Jacobians through time, gate saturation, clipping, long memory) from
// the store's instruments slice, the PyTorch parameter counter and the character model's samples.
import { useEffect } from 'react';
import { appStore, useApp } from '../store';
import type { LessonStep, LessonWidget } from '../lessons/types';
import type { CellMeta } from '../store/catalog';
import { HeatmapPanel } from './HeatmapPanel';
import { GradNormPanel, LossPanel } from './Charts';
import { ClipWidget, GateWidget, JacobianWidget, MemoryWidget, SpectraWidget, memorySeries, useGateNames } from './Instruments';
import { ParamCounter } from './ParamCounter';
import { SamplesPanel } from './SamplesPanel';
import { Card } from './Playground';
import { useT } from './hooks';
import { INSTRUMENT } from '../views/palette';

/** The widgets a step shows: its own list, else the legacy focus shorthand, else the default. */
export function stepWidgets(step: Pick<LessonStep, 'widgets' | 'focus'>): LessonWidget[] {
  if (step.widgets?.length) return step.widgets;
  return step.focus === 'gradnorm' ? ['gradnorm', 'heatmaps', 'loss'] : ['heatmaps', 'loss', 'gradnorm'];
}

/** Widgets drawn from the instruments slice: the worker computes snapshots only while one is on the page. */
export const INSTRUMENT_WIDGETS: readonly LessonWidget[] = ['spectrum', 'jacobians', 'saturation', 'clip', 'memory'];

export function needsInstruments(widgets: readonly LessonWidget[]): boolean {
  return widgets.some((w) => INSTRUMENT_WIDGETS.includes(w));
}

/** How many parts of the lesson page want the instruments now (a step's widgets, a live question). */
let wanting = 0;

/** Keeps the worker's instruments open while `want` (a step's widget or a live question needs them) — and while anyone else on the page wants them. */
export function useInstrumentsWanted(want: boolean) {
  useEffect(() => {
    if (!want) return;
    wanting++;
    appStore().getState().setInstrumentsOpen(true);
    return () => {
      wanting--;
      if (wanting === 0) appStore().getState().setInstrumentsOpen(false);
    };
  }, [want]);
}

/** Widgets that need the whole width (a wide canvas, text). */
const WIDE: readonly LessonWidget[] = ['heatmaps', 'samples', 'params', 'spectrum', 'saturation', 'memory'];

/**
 * Which widgets take the whole row: the first (drawn largest), the wide kinds, and a half-width one
 * that would otherwise sit alone in its row (the last of an odd run between wide ones).
 */
export function fullWidth(widgets: readonly LessonWidget[]): boolean[] {
  const out = widgets.map((w, i) => i === 0 || WIDE.includes(w));
  let run: number[] = [];
  const close = () => {
    if (run.length % 2 === 1) out[run[run.length - 1]] = true;
    run = [];
  };
  out.forEach((isWide, i) => (isWide ? close() : run.push(i)));
  close();
  return out;
}

export function LessonWidgets({ widgets, cell, highlight }: { widgets: LessonWidget[]; cell: CellMeta | null; highlight: string[] }) {
  const t = useT();
  const latest = useApp((s) => s.instruments.latest);
  const clip = useApp((s) => s.instruments.clip);
  const clipNorm = useApp((s) => s.config.clipNorm);
  const svClip = useApp((s) => s.config.svClip ?? 0);
  const waiting = t('instr.waiting');
  const names = useGateNames(latest, cell);

  const wide = fullWidth(widgets);
  const card = (w: LessonWidget, i: number) => {
    const big = i === 0;
    const wrap = (title: string, hint: string | undefined, body: React.ReactNode) => (
      <div key={w} className={`lesson-widget${wide[i] ? ' wide' : ''}`} data-widget={w} data-testid={`lesson-widget-${w}`}>
        <Card title={title} hint={hint} exportAs={w === 'params' || w === 'samples' ? undefined : w}>{body}</Card>
      </div>
    );
    switch (w) {
      case 'heatmaps':
        return wrap(t('lesson.live'), t('panel.heatmaps.hint'),
          cell ? <HeatmapPanel cell={cell} only={highlight.length ? highlight : undefined} highlight={highlight} /> : <div className="skeleton" style={{ height: 200 }} />);
      case 'gradnorm':
        return wrap(t('panel.gradnorm'), big ? t('lesson.gradnorm.hint') : undefined, <GradNormPanel height={big ? 240 : 170} />);
      case 'loss':
        return wrap(t('panel.loss'), undefined, <LossPanel height={big ? 220 : 170} />);
      case 'spectrum':
        return wrap(t('instr.spectrum'), t('instr.spectrum.hint'), <SpectraWidget spectra={latest?.spectra ?? null} testId="lesson-instr-spectrum" emptyText={waiting} />);
      case 'jacobians':
        return wrap(t('instr.jacobian'), t('instr.jacobian.hint'),
          <JacobianWidget profiles={[{ id: 'run', jacobians: latest?.jacobians ?? null }]} testId="lesson-instr-jacobian" height={big ? 240 : undefined} emptyText={waiting} />);
      case 'saturation':
        return wrap(t('instr.gates'), t('instr.gates.hint'),
          <GateWidget gates={latest?.gates ?? []} names={names} testId="lesson-instr-gates" emptyText={latest ? t('instr.noGates') : waiting} />);
      case 'clip':
        return wrap(t('instr.clip'), t('instr.clip.hint'), <ClipWidget points={clip} threshold={clipNorm} svThreshold={svClip} testId="lesson-instr-clip" emptyText={waiting} />);
      case 'memory': {
        const mem = memorySeries('run', '', INSTRUMENT.primary, latest?.jacobians ?? null, latest?.memory ?? null);
        return wrap(t('instr.memory'), t('instr.memory.hint'), <MemoryWidget series={mem ? [mem] : []} testId="lesson-instr-memory" emptyText={waiting} />);
      }
      case 'params':
        return wrap(t('params.title'), t('params.hint'), <ParamCounter />);
      case 'samples':
        return wrap(t('lesson.widget.samples'), undefined, <SamplesPanel />);
      default:
        return null;
    }
  };
  return <div className="lesson-widgets">{widgets.map(card)}</div>;
}
