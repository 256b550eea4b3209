// The instruments (issue 10): spectrum, Jacobians through time, the one-step Jacobian, gate
// saturation, clipping and long memory. Each widget takes plain data (so a lesson can use it alone);
// InstrumentsSection feeds them from the store's instruments slice (Playground, cell cards) and
// CompareInstruments overlays the compared cells (one series per cell; spectra side by side).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ClipPoint, GateHistogram, InstrumentSnapshot, JacobianProfile, LongMemoryFit, MatrixSpectrum, RecurrentSpectra } from '../engine/instruments/types';
import { createSpectrumView, type SpectrumLabels } from '../views/spectrum-view';
import { createJacobianChart, type NormSeries } from '../views/jacobian-chart';
import { createMemoryView, type MemoryLabels, type MemorySeries } from '../views/memory-view';
import { createGateHistograms } from '../views/gate-histogram';
import { createClipChart } from '../views/clip-chart';
import type { ChartView } from '../views/raf';
import { INSTRUMENT, seriesColor } from '../views/palette';
import { appStore, useApp } from '../store';
import { Card } from './Playground';
import { RichText } from './RichText';
import { useT } from './hooks';
import { gateLabel, translate, type MessageKey } from '../i18n';
import { plainProse } from '../i18n/prose';

/** Mounts a D3 view once (per deps) and feeds it `data` on every change. */
export function useChartView<T>(create: (el: HTMLDivElement) => ChartView<T>, data: T, deps: unknown[]) {
  const ref = useRef<HTMLDivElement>(null);
  const view = useRef<ChartView<T> | null>(null);
  const last = useRef(data);
  last.current = data;
  useEffect(() => {
    if (!ref.current) return;
    const v = create(ref.current);
    view.current = v;
    v.update(last.current);
    return () => {
      v.destroy();
      view.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => {
    view.current?.update(data);
  }, [data]);
  return ref;
}

export function useSpectrumLabels(): SpectrumLabels {
  const t = useT();
  return useMemo(() => ({ eigen: t('instr.eigen'), singular: t('instr.singular'), noEigen: t('instr.noEigen') }), [t]);
}

export function useMemoryLabels(): MemoryLabels {
  const t = useT();
  return useMemo(() => ({
    linear: t('instr.memory.linear'), loglog: t('instr.memory.loglog'), lag: t('instr.memory.lag'),
    exponential: t('instr.memory.exponential'), powerLaw: t('instr.memory.powerLaw'),
    verdict: {
      exponential: t('instr.verdict.exponential'), 'power-law': t('instr.verdict.power-law'),
      undecided: t('instr.verdict.undecided'), 'too-short': t('instr.verdict.too-short'),
    },
  }), [t]);
}

/** One matrix's eigenvalues and singular values. */
export function SpectrumWidget({ spectrum, testId = 'instr-spectrum', color, height, eigenOnly, emptyText }: {
  spectrum: MatrixSpectrum | null; testId?: string; color?: string; height?: number; eigenOnly?: boolean; emptyText?: string;
}) {
  const labels = useSpectrumLabels();
  const ref = useChartView((el) => createSpectrumView(el, { testId, height, labels, eigenOnly }), { spectrum, color, emptyText }, [testId, height, labels, eigenOnly]);
  return <div ref={ref} className="chart-host" />;
}

/** A block's name for the switch: the worker's (English) label, or in Chinese its matrix and the gate's Chinese name. */
export function blockLabel(lang: 'en' | 'zh', b: Pick<MatrixSpectrum, 'id' | 'label'>): string {
  if (lang !== 'zh') return b.label;
  // The worker's English labels for blocks that are not gate blocks, said again in Chinese.
  const nth = /^block (\d+) of (`[^`]+`)( \(candidate\))?$/.exec(b.label);
  if (nth) return translate(lang, 'instr.block.nth', { n: nth[1], code: nth[2] }) + (nth[3] ? translate(lang, 'instr.block.candidate') : '');
  const leading = /^leading (\$[^$]+\$) block of (`[^`]+`)$/.exec(b.label);
  if (leading) return translate(lang, 'instr.block.leading', { tex: leading[1], code: leading[2] });
  const built = /^(\$.+\$) \(built\)$/.exec(b.label);
  if (built) return translate(lang, 'instr.block.built', { tex: built[1] });
  const tex = /^\$[^$]*\$/.exec(b.label)?.[0];
  const name = gateLabel(lang, b.id, '');
  return tex && name ? `${tex}（${name}）` : b.label;
}

/** The worker's note in the reader's language (its parts are i18n keys); the English text where it sent none. */
export function noteText(lang: 'en' | 'zh', spectra: Pick<RecurrentSpectra, 'note' | 'noteParts'>): string {
  if (!spectra.noteParts?.length) return spectra.note ?? '';
  return spectra.noteParts.map((p) => translate(lang, `instr.note.${p.key}` as MessageKey, p.vars)).join(' ');
}

/** The recurrent spectra with a switch among blocks (a gated cell's gate blocks), or the note why there are none. */
export function SpectraWidget({ spectra, testId = 'instr-spectrum', color, emptyText }: { spectra: RecurrentSpectra | null; testId?: string; color?: string; emptyText?: string }) {
  const [chosen, setChosen] = useState<string | null>(null);
  const lang = useApp((s) => s.ui.lang);
  const blocks = spectra?.blocks ?? [];
  const current = blocks.find((b) => b.id === chosen) ?? blocks[0] ?? null;
  return (
    <div className="spectra">
      {blocks.length > 1 && (
        <div className="block-switch" role="group">
          {blocks.map((b) => (
            <button key={b.id} type="button" data-testid={`spectrum-block-${b.id}`} aria-pressed={b.id === current?.id}
              className={`lesson-choice${b.id === current?.id ? ' active' : ''}`} onClick={() => setChosen(b.id)}>
              <RichText text={blockLabel(lang, b)} />
            </button>
          ))}
        </div>
      )}
      {spectra?.note && <p className="card-hint" data-testid={`${testId}-note`}><RichText text={noteText(lang, spectra)} /></p>}
      {(blocks.length > 0 || !spectra) && <SpectrumWidget spectrum={current} testId={testId} color={color} emptyText={emptyText} />}
    </div>
  );
}

/** ‖∂h_T/∂h_t‖ and ‖∂h_T/∂x_t‖ against t (several profiles overlay: one colour per cell). */
export function JacobianWidget({ profiles, testId = 'instr-jacobian', height, emptyText }: {
  profiles: { id: string; name?: string; color?: string; jacobians: JacobianProfile | null }[]; testId?: string; height?: number; emptyText?: string;
}) {
  const t = useT();
  const one = profiles.length === 1;
  const series: NormSeries[] = profiles.flatMap((p, i) => {
    const j = p.jacobians;
    if (!j) return [];
    const prefix = one ? '' : `${p.name ?? p.id}: `;
    return [
      { id: `${p.id}-h`, name: `${prefix}${plainProse(t('instr.jacH'))}`, color: one ? INSTRUMENT.primary : p.color ?? seriesColor(i), values: j.hSpectral, x0: 0 },
      { id: `${p.id}-x`, name: `${prefix}${plainProse(t('instr.jacX'))}`, color: one ? INSTRUMENT.secondary : p.color ?? seriesColor(i), values: j.xSpectral, x0: 1, dash: '5 3' },
    ];
  });
  const ref = useChartView((el) => createJacobianChart(el, { testId, height: height ?? 210, xLabel: 't' }), { series, emptyText }, [testId, height]);
  return <div ref={ref} className="chart-host" />;
}

/** The one-step Jacobian's spectral radius and σ_max over t; a click picks t for its eigenvalues. */
export function StepJacobianWidget({ jacobians, picked, onPick, testId = 'instr-step', emptyText }: {
  jacobians: JacobianProfile | null; picked: number | null; onPick?: (t: number) => void; testId?: string; emptyText?: string;
}) {
  const t = useT();
  const pickRef = useRef(onPick);
  pickRef.current = onPick;
  const series: NormSeries[] = jacobians && jacobians.stepRadius.length
    ? [
        { id: 'radius', name: t('instr.stepRadius'), color: INSTRUMENT.primary, values: jacobians.stepRadius, x0: 1 },
        { id: 'sigma', name: plainProse(t('instr.stepSigma')), color: INSTRUMENT.secondary, values: jacobians.stepSigmaMax, x0: 1, dash: '5 3' },
      ]
    : [];
  const ref = useChartView(
    (el) => createJacobianChart(el, { testId, height: 170, xLabel: 't', onPick: (x) => pickRef.current?.(x) }),
    { series, reference: 1, picked, emptyText },
    [testId],
  );
  const eig = jacobians?.stepEigenvalues;
  const spectrum: MatrixSpectrum | null = eig
    ? { id: 'step', label: '', eigenvalues: eig.eigenvalues, singularValues: [], radius: eig.eigenvalues.reduce((r, l) => Math.max(r, Math.hypot(l[0], l[1])), 0), sigmaMax: NaN }
    : null;
  return (
    <div className="step-jacobian">
      <div ref={ref} className="chart-host" />
      {spectrum && eig && (
        <>
          <p className="card-hint">{t('instr.stepEig', { t: eig.t })}</p>
          <SpectrumWidget spectrum={spectrum} eigenOnly testId={`${testId}-eig`} height={200} />
        </>
      )}
    </div>
  );
}

/** One histogram per gate with the saturated fractions. */
export function GateWidget({ gates, names, testId = 'instr-gates', emptyText }: { gates: GateHistogram[]; names?: Record<string, string>; testId?: string; emptyText?: string }) {
  const ref = useChartView((el) => createGateHistograms(el, { testId }), { gates, names, emptyText }, [testId]);
  return <div ref={ref} className="chart-host" />;
}

/** Raw vs clipped gradient norm per step (and σ_max before/after with singular-value clipping). */
export function ClipWidget({ points, threshold, svThreshold, testId = 'instr-clip', emptyText }: {
  points: ClipPoint[]; threshold: number | null; svThreshold: number | null; testId?: string; emptyText?: string;
}) {
  const t = useT();
  const labels = useMemo(() => ({ raw: t('instr.clip.raw'), clipped: t('instr.clip.clipped'), svBefore: plainProse(t('instr.clip.svBefore')), svAfter: plainProse(t('instr.clip.svAfter')) }), [t]);
  const ref = useChartView((el) => createClipChart(el, { testId, labels, xLabel: t('instr.clip.step') }), { points, threshold, svThreshold, emptyText }, [testId, labels]);
  return <div ref={ref} className="chart-host" />;
}

/** The influence curve against lag on log-linear and log-log axes, both fits, R², verdict. */
export function MemoryWidget({ series, testId = 'instr-memory', emptyText }: { series: MemorySeries[]; testId?: string; emptyText?: string }) {
  const labels = useMemoryLabels();
  const ref = useChartView((el) => createMemoryView(el, { testId, labels }), { series, emptyText }, [testId, labels]);
  return <div ref={ref} className="chart-host" />;
}

/** The memory series of a profile: ‖∂h_T/∂x_t‖ at lag T − t. */
export function memorySeries(id: string, name: string, color: string, jacobians: JacobianProfile | null, fit: LongMemoryFit | null): MemorySeries | null {
  if (!jacobians) return null;
  const T = jacobians.xSpectral.length;
  return { id, name, color, values: jacobians.xSpectral, lags: jacobians.xSpectral.map((_, i) => T - (i + 1)), fit };
}

/** The open/close header of an instruments section: opening asks the worker for snapshots. */
function useInstrumentsToggle(): [boolean, () => void] {
  const open = useApp((s) => s.instruments.open);
  // Leaving the page closes them: the worker need not measure for nobody.
  useEffect(() => () => appStore().getState().setInstrumentsOpen(false), []);
  return [open, () => appStore().getState().setInstrumentsOpen(!appStore().getState().instruments.open)];
}

function SectionHead({ open, toggle }: { open: boolean; toggle: () => void }) {
  const t = useT();
  return (
    <header className="card-head instruments-head">
      <h2 className="card-title">
        <button type="button" className="btn btn-ghost instruments-toggle" data-testid="instruments-toggle" aria-expanded={open} onClick={toggle}>
          {open ? '▾' : '▸'} {t('instr.title')}
        </button>
      </h2>
      <p className="card-hint"><RichText text={t('instr.hint')} /></p>
    </header>
  );
}

/** The run's instruments (Playground, cell cards), collapsible, from the store. */
export function InstrumentsSection() {
  const [open, toggle] = useInstrumentsToggle();
  return (
    <section className="card instruments" data-testid="instruments-section" data-open={open ? '1' : '0'}>
      <SectionHead open={open} toggle={toggle} />
      {open && <RunInstruments />}
    </section>
  );
}

/** The gate histograms' names in the page's language: the cell's own labels, as plain text. */
export function useGateNames(latest: InstrumentSnapshot | null, cell: { gates: { id: string; label: string }[] } | null | undefined): Record<string, string> {
  const lang = useApp((s) => s.ui.lang);
  return useMemo(() => {
    const out: Record<string, string> = {};
    for (const g of latest?.gates ?? []) {
      const meta = cell?.gates.find((x) => x.id === g.id);
      out[g.id] = plainProse(gateLabel(lang, g.id, meta?.label ?? g.id));
    }
    return out;
  }, [latest?.gates, cell, lang]);
}

function RunInstruments() {
  const t = useT();
  const latest: InstrumentSnapshot | null = useApp((s) => s.instruments.latest);
  const clip = useApp((s) => s.instruments.clip);
  const picked = useApp((s) => s.instruments.stepEigAt);
  const clipNorm = useApp((s) => s.config.clipNorm);
  const svClip = useApp((s) => s.config.svClip ?? 0);
  const cell = useApp((s) => s.catalog?.cells.find((c) => c.id === s.config.cellId));
  const waiting = t('instr.waiting');
  const names = useGateNames(latest, cell);
  const mem = memorySeries('run', '', INSTRUMENT.primary, latest?.jacobians ?? null, latest?.memory ?? null);
  return (
    <div className="instruments-grid">
      <Card title={t('instr.spectrum')} hint={t('instr.spectrum.hint')} exportAs="spectrum">
        <SpectraWidget spectra={latest?.spectra ?? null} emptyText={waiting} />
      </Card>
      <Card title={t('instr.jacobian')} hint={t('instr.jacobian.hint')} exportAs="jacobian">
        <JacobianWidget profiles={[{ id: 'run', jacobians: latest?.jacobians ?? null }]} emptyText={waiting} />
      </Card>
      <Card title={t('instr.step')} hint={t('instr.step.hint')} exportAs="step-jacobian">
        <StepJacobianWidget jacobians={latest?.jacobians ?? null} picked={picked} emptyText={waiting}
          onPick={(x) => appStore().getState().setStepEigAt(x)} />
      </Card>
      <Card title={t('instr.gates')} hint={t('instr.gates.hint')} exportAs="gate-histograms">
        <GateWidget gates={latest?.gates ?? []} names={names} emptyText={latest ? t('instr.noGates') : waiting} />
      </Card>
      <Card title={t('instr.clip')} hint={t('instr.clip.hint')} exportAs="clip">
        <ClipWidget points={clip} threshold={clipNorm} svThreshold={svClip} emptyText={waiting} />
      </Card>
      <Card title={t('instr.memory')} hint={t('instr.memory.hint')} exportAs="long-memory">
        <MemoryWidget series={mem ? [mem] : []} emptyText={waiting} />
      </Card>
    </div>
  );
}

/** Compare: the cells' Jacobian norms and long memory overlaid, their spectra side by side. */
export function CompareInstruments({ names }: { names: (id: string) => string }) {
  const t = useT();
  const [open, toggle] = useInstrumentsToggle();
  const slots = useApp((s) => s.compareRun.slots);
  const waiting = t('instr.waiting');
  return (
    <section className="card instruments" data-testid="instruments-section" data-open={open ? '1' : '0'}>
      <SectionHead open={open} toggle={toggle} />
      {open && (
        <div className="instruments-grid">
          <Card title={t('instr.jacobian')} hint={t('instr.jacobian.hint')} exportAs="jacobian">
            <JacobianWidget testId="compare-instr-jacobian" emptyText={waiting}
              profiles={slots.map((sl, i) => ({ id: sl.cellId, name: names(sl.cellId), color: seriesColor(i), jacobians: sl.instruments?.jacobians ?? null }))} />
          </Card>
          <Card title={t('instr.memory')} hint={t('instr.memory.hint')} exportAs="long-memory">
            <MemoryWidget testId="compare-instr-memory" emptyText={waiting}
              series={slots.flatMap((sl, i) => {
                const m = memorySeries(sl.cellId, names(sl.cellId), seriesColor(i), sl.instruments?.jacobians ?? null, sl.instruments?.memory ?? null);
                return m ? [m] : [];
              })} />
          </Card>
          <Card title={t('instr.spectrum')} hint={t('instr.spectrum.hint')} className="span-2" exportAs="spectra">
            <div className="spectra-row">
              {slots.map((sl, i) => (
                <div key={sl.cellId} className="spectra-cell" data-series={sl.cellId}>
                  <p className="card-hint" style={{ color: seriesColor(i) }}>{names(sl.cellId)}</p>
                  <SpectraWidget spectra={sl.instruments?.spectra ?? null} testId={`compare-instr-spectrum-${sl.cellId}`} color={seriesColor(i)} emptyText={waiting} />
                </div>
              ))}
            </div>
          </Card>
        </div>
      )}
    </section>
  );
}
