// The catalogue: every registered cell as a tile, shelved by family and tagged with the
// long-memory mechanisms it uses. Built from the registry, so a new cell file shows up here alone.
import type { Mechanism } from '../cells/types';
import { appStore, useApp } from '../store';
import type { CellMeta } from '../store/catalog';
import { MECH_FILTERS } from '../store/url';
import { cardHref, openCard } from '../store/navigation';
import { cellText, hasKey, type MessageKey } from '../i18n';
import { gateColor } from '../views/palette';
import { Equation } from './Equation';
import { useGateText, useT } from './hooks';
import { GROUP_ORDER } from './cell-groups';
import { RichText, texSymbols } from './RichText';

export { GROUP_ORDER };
const MECH_ORDER: Mechanism[] = ['gates', 'cross-scale', 'initialisation', 'baseline'];

export function MechanismBadges({ mechanisms }: { mechanisms: Mechanism[] }) {
  const t = useT();
  const sorted = MECH_ORDER.filter((m) => mechanisms.includes(m));
  return (
    <span className="mech-badges">
      {sorted.map((m) => (
        <span key={m} className={`mech-badge mech-${m}`} data-testid={`mech-${m}`}>
          {t(`mech.${m}` as MessageKey)}
        </span>
      ))}
    </span>
  );
}

/** Clicks stay in the app; the href keeps "open in new tab" and copy-link working. */
export function CardLink({ cellId, className, children, testId }: { cellId: string; className?: string; children: React.ReactNode; testId?: string }) {
  const lang = useApp((s) => s.ui.lang);
  return (
    <a className={className} href={cardHref(cellId, lang)} data-testid={testId}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        openCard(appStore(), cellId);
      }}>
      {children}
    </a>
  );
}

function Tile({ cell }: { cell: CellMeta }) {
  const lang = useApp((s) => s.ui.lang);
  const text = cellText(lang, cell);
  const symbols = [...cell.gates, ...cell.states];
  const textColor = useGateText();
  return (
    <CardLink cellId={cell.id} className="cell-tile" testId={`cell-tile-${cell.id}`}>
      <div className="tile-head">
        <h3 className="tile-name">{text.name}</h3>
        <span className="tile-year">{cell.paper.year}</span>
      </div>
      <p className="tile-authors">{cell.paper.authors}</p>
      <MechanismBadges mechanisms={cell.mechanisms} />
      <p className="tile-summary"><RichText text={text.summary} symbols={texSymbols(cell, textColor)} /></p>
      <div className="tile-symbols" aria-hidden="true">
        {symbols.slice(0, 8).map((g) => (
          <span key={g.id} className="tile-symbol" style={{ ['--gate' as string]: gateColor(g.id) }}>
            <Equation tex={`\\textcolor{${textColor(g.id)}}{${g.tex}}`} />
          </span>
        ))}
        {symbols.length > 8 && <span className="tile-more">+{symbols.length - 8}</span>}
      </div>
    </CardLink>
  );
}

/** The syllabus sorts cells by mechanism: one click shows the cells of one. */
function MechFilterBar() {
  const t = useT();
  const mech = useApp((s) => s.ui.mech);
  return (
    <div className="mech-filter" role="group" aria-label={t('cells.filter')}>
      {MECH_FILTERS.map((m) => (
        <button key={m} type="button" data-testid={`mech-filter-${m}`} aria-pressed={m === mech}
          className={`lesson-choice${m === mech ? ' active' : ''}`} onClick={() => appStore().getState().setUi({ mech: m })}>
          {m === 'all' ? t('cells.filter.all') : t(`mech.${m}` as MessageKey)}
        </button>
      ))}
    </div>
  );
}

export function CellsPage() {
  const t = useT();
  const all = useApp((s) => s.catalog?.cells);
  const mech = useApp((s) => s.ui.mech);
  if (!all) return <div className="skeleton" style={{ height: 400 }} />;
  const cells = mech === 'all' ? all : all.filter((c) => c.mechanisms.includes(mech));
  const groups = [...GROUP_ORDER, ...new Set(cells.map((c) => c.group).filter((g) => !GROUP_ORDER.includes(g)))];
  return (
    <div className="catalogue" data-testid="cells-page">
      <header className="page-head">
        <p className="eyebrow">{t('cells.count', { n: cells.length })}</p>
        <h1 className="page-title">{t('cells.title')}</h1>
        <p className="page-intro"><RichText text={t('cells.intro')} /></p>
        <MechFilterBar />
      </header>
      {groups.map((g) => {
        const inGroup = cells.filter((c) => c.group === g);
        if (!inGroup.length) return null;
        return (
          <section key={g} className="cell-group" data-testid={`cell-group-${g}`}>
            <h2 className="group-title">
              {hasKey(`group.${g}`) ? t(`group.${g}` as MessageKey) : g} <span className="group-count">{inGroup.length}</span>
            </h2>
            <div className="tile-grid">
              {inGroup.map((c) => (
                <Tile key={c.id} cell={c} />
              ))}
            </div>
          </section>
        );
      })}
    </div>
  );
}
