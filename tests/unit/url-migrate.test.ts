// Link format versions (issue 12, item 2): links of an older format keep opening the same run,
// or say in a notice what changed; current links round-trip; a newer format says so.
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { taskList } from '../../src/engine/tasks/registry';
import { CURRENT_LINK_VERSION, migrateParams } from '../../src/store/url-migrate';
import { parseQuery, serializeQuery, URL_VERSION, type UrlRegistry } from '../../src/store/url';

const reg: UrlRegistry = {
  cells: cellList.map((c) => ({ id: c.id, options: c.options ?? [] })),
  tasks: taskList.map((t) => ({ id: t.id, options: t.options ?? [] })),
};
const parse = (q: string) => parseQuery(q, reg, () => 777);

// A link as the v=1 writer wrote it before recurrentScale became ρ (commit a1dcbcb): every field,
// recurrentScale a multiplier (default 1), no what-if fields yet.
const OLD_V1 = 'v=1&page=playground&lang=en&cell=rnn&task=copy&seqLen=20&hiddenSize=32&numLayers=1&bidirectional=0&learningRate=0.01&batchSize=32&recurrentScale=1&clipNorm=1&svClip=0&svScope=all&seed=5&lesson=vanishing-gradients&lstep=0&mech=all&backend=auto&compare=rnn,lstm,gru&opt.nonlinearity=tanh&topt.symbols=3';
// A v=1 link written after the change (it carries the what-if fields).
const NEW_V1 = `${OLD_V1.replace('recurrentScale=1', 'recurrentScale=1.2')}&wiMatrix=orthogonal&wiRho=0.9&wiLen=200&wiScale=0.2&wiHidden=64`;

describe('link format migration', () => {
  it('writes the current version, and the current version is 2', () => {
    expect(URL_VERSION).toBe(2);
    expect(CURRENT_LINK_VERSION).toBe(URL_VERSION);
    expect(serializeQuery(parse('seed=3').state)).toMatch(/^v=2&/);
  });

  it('current links round-trip with no notice (embed and widget included)', () => {
    for (const q of ['seed=3&cell=lstm&task=adding&recurrentScale=1.3', 'page=lesson&lesson=lstm-step-by-step&lstep=2&seed=1', 'seed=4&embed=1&widget=loss', 'page=compare&compare=rnn,irnn&seed=2']) {
      const first = parse(q);
      const link = serializeQuery(first.state);
      const again = parse(link);
      expect(again.notices).toEqual([]);
      expect(again.state).toEqual(first.state);
      expect(serializeQuery(again.state)).toBe(link);
    }
    const e = parse('seed=4&embed=1&widget=loss').state.ui;
    expect([e.embed, e.widget]).toEqual([true, 'loss']);
    // Ordinary links do not carry the embed fields.
    expect(serializeQuery(parse('seed=4').state)).not.toMatch(/embed|widget/);
  });

  it('an old v=1 link with recurrentScale=1 (1× the init) opens the same run: the cell’s own init, with a notice', () => {
    const { state, notices } = parse(OLD_V1);
    expect(state.config.recurrentScale).toBe(0);
    expect(notices).toEqual([{ key: 'recurrentScale', raw: '1', value: '0', reason: 'migrated' }]);
    // Everything else is read as written.
    expect(state.config).toMatchObject({ cellId: 'rnn', taskId: 'copy', seqLen: 20, seed: 5, clipNorm: 1 });
  });

  it('an old multiplier m becomes ρ = m·ρ_own: exact for IRNN (α·I), approximate (≈ 0.58·m) for a PyTorch init, said either way', () => {
    const irnn = parse(OLD_V1.replace('cell=rnn', 'cell=irnn').replace('recurrentScale=1', 'recurrentScale=0.9').replace('&opt.nonlinearity=tanh', '&opt.alpha=1'));
    expect(irnn.state.config.recurrentScale).toBeCloseTo(0.9, 10);
    expect(irnn.notices.map((n) => n.reason)).toEqual(['migrated']);
    const rnn = parse(OLD_V1.replace('recurrentScale=1', 'recurrentScale=2'));
    expect(rnn.state.config.recurrentScale).toBeCloseTo(1.15, 10);
    expect(rnn.notices).toEqual([{ key: 'recurrentScale', raw: '2', value: '1.15', reason: 'migrated-approx' }]);
  });

  it('a v=1 link written after the change (what-if fields present) or with recurrentScale=0 is already ρ: silent', () => {
    const a = parse(NEW_V1);
    expect(a.notices).toEqual([]);
    expect(a.state.config.recurrentScale).toBe(1.2);
    const b = parse(OLD_V1.replace('recurrentScale=1', 'recurrentScale=0'));
    expect(b.notices).toEqual([]);
    expect(b.state.config.recurrentScale).toBe(0);
  });

  it('a migrated link, written again, is a current link that round-trips silently', () => {
    const link = serializeQuery(parse(OLD_V1).state);
    expect(link).toMatch(/^v=2&/);
    expect(parse(link).notices).toEqual([]);
  });

  it('a link without v is read in the current format, unchanged', () => {
    const params = new URLSearchParams('recurrentScale=1.5&cell=rnn');
    expect(migrateParams(params)).toEqual([]);
    expect(params.toString()).toBe('recurrentScale=1.5&cell=rnn');
    expect(parse('recurrentScale=1.5&cell=rnn').state.config.recurrentScale).toBe(1.5);
  });

  it('a link from a future version says so plainly and still reads what it can', () => {
    const { state, notices } = parse('v=3&cell=gru&seqLen=30&newThing=1');
    expect(notices).toEqual([
      { key: 'v', raw: '3', value: '2', reason: 'version' },
      { key: 'newThing', raw: '1', value: '', reason: 'unknown-param' },
    ]);
    expect(state.config).toMatchObject({ cellId: 'gru', seqLen: 30 });
    expect(parse('v=abc').notices.map((n) => n.reason)).toEqual(['version']);
  });
});
