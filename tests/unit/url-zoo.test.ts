// The zoo's additions to the link: singular-value clipping, the Compare page's cell list and the
// card/catalogue pages all round-trip, and bad values are repaired with a notice.
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { cellMeta } from '../../src/store/catalog';
import { defaultOptions, defaultState, parseCompare, parseQuery, serializeQuery, type UrlRegistry } from '../../src/store/url';

const reg: UrlRegistry = { cells: cellList.map(cellMeta), tasks: [{ id: 'copy' }, { id: 'adding' }, { id: 'select' }] };
const parse = (q: string) => parseQuery(q, reg, () => 4242);
const ids = reg.cells.map((c) => c.id);

describe('url: svClip', () => {
  it('defaults to 0 (off) and round-trips a set value', () => {
    const d = defaultState(reg, 3);
    expect(d.config.svClip).toBe(0);
    const s = structuredClone(d);
    s.config.svClip = 1.05;
    const q = serializeQuery(s);
    expect(new URLSearchParams(q).get('svClip')).toBe('1.05');
    const back = parse(q);
    expect(back.notices).toEqual([]);
    expect(back.state.config.svClip).toBe(1.05);
    expect(back.state).toEqual(s);
  });

  it('clamps negatives to 0 and says so', () => {
    const { state, notices } = parse('svClip=-2');
    expect(state.config.svClip).toBe(0);
    expect(notices).toEqual([{ key: 'svClip', raw: '-2', value: '0', reason: 'clamped', range: '[0, 3]', message: 'svClip: expected a number in [0, 3], got -2' }]);
  });
});

describe('url: pages and the compare list', () => {
  it('round-trips the catalogue, a card and the compare page', () => {
    for (const page of ['cells', 'cell', 'compare'] as const) {
      const s = defaultState(reg, 8);
      s.ui.page = page;
      s.config.cellId = ids[ids.length - 1];
      s.config.cellOptions = defaultOptions(reg.cells[ids.length - 1].options);
      s.ui.compare = [ids[ids.length - 1], ids[0]];
      const q = serializeQuery(s);
      const back = parse(q);
      expect(back.notices, page).toEqual([]);
      expect(back.state, page).toEqual(s);
    }
  });

  it('writes the list with plain commas', () => {
    const s = defaultState(reg, 8);
    s.ui.compare = [ids[1], ids[0]];
    expect(serializeQuery(s)).toContain(`compare=${ids[1]},${ids[0]}`);
  });

  it('drops unknown ids and repeats, caps at four, and keeps the order given', () => {
    const r = parseCompare(`${ids[2]},nope,${ids[0]},${ids[2]}`, ids);
    expect(r.value).toEqual([ids[2], ids[0]]);
    expect(r.reason).toBe('unknown-id');
    const many = parseCompare([...ids, ...ids].join(','), [...ids, 'a', 'b', 'c']);
    expect(many.value.length).toBeLessThanOrEqual(4);
  });

  it('falls back to the default list when fewer than two known cells remain', () => {
    const { state, notices } = parse('page=compare&compare=transformer,' + ids[0]);
    expect(state.ui.compare.length).toBeGreaterThanOrEqual(2);
    expect(state.ui.compare).toEqual(defaultState(reg).ui.compare);
    expect(notices.map((n) => [n.key, n.reason])).toEqual([['compare', 'invalid']]);
  });

  it('leaves the list alone on the boot pass, when the registry is still empty', () => {
    const boot = parseQuery(`compare=${ids[1]},${ids[0]}&page=compare`, { cells: [], tasks: [] }, () => 1);
    expect(boot.state.ui.page).toBe('compare');
    expect(boot.notices).toEqual([]);
  });
});
