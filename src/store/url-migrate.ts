// Link format migrations (issue 12, item 2). A link keeps working after the format changes: it is
// rewritten, field by field, into the current format before it is parsed, and every field whose
// meaning changed gets a notice that says what it meant and what it is read as now.
//
// History of the format (the `v=` field):
// - no `v`: a link typed by hand; it is read in the current format (nothing is rewritten).
// - v=1 (26–30 Nov 2026): every field written. Until commit a1dcbcb (30 Nov 2026) recurrentScale
//   was a multiplier of the cell's own initial W_hh (default 1, min 0.1); from then on it is the
//   spectral radius ρ of W_hh at init, 0 meaning the cell's own init. A v=1 link cannot say which
//   writer made it, except that links since the what-if page (a few hours after the change) also
//   carry `wiRho`, and a value of 0 only exists as ρ. Other v=1 links are read as multipliers.
// - v=2: the current format (adds `embed` and `widget`, written only when set).
// - v>2: a link from a newer page; read as best we can, with a notice saying so.
import type { UrlNotice } from './url';

export const CURRENT_LINK_VERSION = 2;

/**
 * The cell's own spectral radius at init, which an old multiplier m scaled: ρ = m · ρ_own.
 * IRNN is α·I (ρ = α exactly), np-RNN normalises W_hh to ρ = 1; every other cell takes PyTorch's
 * uniform(±1/√H) init, whose radius is about 1/√3 ≈ 0.58 for any H (the circular law).
 */
function ownRadius(params: URLSearchParams): { rho: number; exact: boolean } {
  const cell = params.get('cell') ?? 'lstm';
  if (cell === 'irnn') {
    const a = Number(params.get('opt.alpha') ?? '1');
    return { rho: Number.isFinite(a) ? a : 1, exact: true };
  }
  if (cell === 'np-rnn') return { rho: 1, exact: true };
  return { rho: 1 / Math.sqrt(3), exact: false };
}

const round = (x: number) => +x.toFixed(2);

/** Rewrites `params` (in place) into the current format; returns what changed meaning. */
export function migrateParams(params: URLSearchParams): UrlNotice[] {
  const notices: UrlNotice[] = [];
  const v = params.get('v');
  if (v === null) return notices;
  const version = Number(v);
  if (!Number.isInteger(version) || version < 1) {
    notices.push({ key: 'v', raw: v, value: String(CURRENT_LINK_VERSION), reason: 'version' });
    params.set('v', String(CURRENT_LINK_VERSION));
    return notices;
  }
  if (version > CURRENT_LINK_VERSION) {
    notices.push({ key: 'v', raw: v, value: String(CURRENT_LINK_VERSION), reason: 'version' });
    return notices;
  }
  if (version === 1) {
    const raw = params.get('recurrentScale');
    const m = raw === null ? NaN : Number(raw);
    // A v=1 link from before ρ: a positive multiplier and no what-if field.
    if (Number.isFinite(m) && m > 0 && !params.has('wiRho')) {
      if (m === 1) {
        // 1× the cell's init is the cell's own init: exactly the same run.
        params.set('recurrentScale', '0');
        notices.push({ key: 'recurrentScale', raw: raw ?? '', value: '0', reason: 'migrated' });
      } else {
        const own = ownRadius(params);
        const rho = Math.min(3, round(m * own.rho));
        params.set('recurrentScale', String(rho));
        notices.push({ key: 'recurrentScale', raw: raw ?? '', value: String(rho), reason: own.exact ? 'migrated' : 'migrated-approx' });
      }
    }
  }
  params.set('v', String(CURRENT_LINK_VERSION));
  return notices;
}
