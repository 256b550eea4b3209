// The cell's equations, one line per gate/state, each symbol in its gate colour and the live mean
// of that gate on the probe sequence beside it (written by a store subscription, not by React).
import { useEffect, useMemo, useRef } from 'react';
import type { CellMeta } from '../store/catalog';
import { appStore, useApp } from '../store';
import { gateLabel } from '../i18n';
import { gateColor } from '../views/palette';
import { Equation } from './Equation';
import { colorizeTex } from './tex';
import { useGateText, useT } from './hooks';
import { RichText } from './RichText';

export interface EquationPanelProps {
  cell: CellMeta;
  highlight?: string[];
}

function formatMean(v: number | undefined): string {
  if (v === undefined) return '—';
  if (!Number.isFinite(v)) return 'NaN';
  return (v >= 0 ? '\u2007' : '') + v.toFixed(3);
}

export function EquationPanel({ cell, highlight }: EquationPanelProps) {
  const t = useT();
  const lang = useApp((s) => s.ui.lang);
  const textColor = useGateText();
  const symbols = useMemo(
    () => [...cell.gates, ...cell.states].map((g) => ({ tex: g.tex, color: textColor(g.id) })),
    [cell, textColor],
  );
  const listRef = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const store = appStore();
    const write = () => {
      const means = store.getState().telemetry.latest?.probe.means ?? {};
      listRef.current?.querySelectorAll<HTMLElement>('[data-mean-id]').forEach((el) => {
        el.textContent = formatMean(means[el.dataset.meanId!]);
      });
    };
    write();
    return store.subscribe((s, prev) => {
      if (s.telemetry.latest !== prev.telemetry.latest) write();
    });
  }, [cell]);

  const hl = new Set(highlight ?? []);
  const labelOf = (id: string) => {
    const spec = [...cell.gates, ...cell.states].find((g) => g.id === id);
    return spec && gateLabel(lang, id, spec.label, cell.zh?.gateLabels);
  };
  return (
    <ol className={`equations${hl.size ? ' has-highlight' : ''}`} ref={listRef}>
      {cell.equations.map((eq) => (
        <li
          key={eq.id}
          className={`equation-row${hl.has(eq.id) ? ' highlight' : ''}`}
          data-testid={`equation-${eq.id}`}
          data-highlight={hl.has(eq.id) ? 'true' : undefined}
          style={{ ['--gate' as string]: gateColor(eq.id) }}
        >
          <span className="equation-swatch" aria-hidden="true" />
          <Equation tex={colorizeTex(eq.tex, symbols)} className="equation-tex" />
          <span className="equation-meta">
            <span className="equation-label"><RichText text={labelOf(eq.id) ?? ''} /></span>
            {labelOf(eq.id) !== undefined && (
              <span className="gate-mean" data-testid={`gate-mean-${eq.id}`} data-mean-id={eq.id} title={t('eq.mean')}>
                —
              </span>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}
