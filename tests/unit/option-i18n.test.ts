// Cell options in Chinese: every option of every cell has a Chinese label, and a Chinese help text
// wherever it has an English one, either from its own `zh` or from a shared i18n key
// (controls.opt.<key>, controls.opt.<key>.help). A copy of the English label does not count.
import { describe, expect, it } from 'vitest';
import { cellList } from '../../src/cells/registry';
import { hasKey, translate } from '../../src/i18n';

const CJK = /[\u3400-\u9fff]/;

const options = cellList.flatMap((c) => c.options.map((o) => ({ cell: c.id, o })));

describe('cell options in Chinese', () => {
  it('there are options to check', () => {
    expect(options.length).toBeGreaterThan(0);
  });

  it.each(options.map(({ cell, o }) => [`${cell}.${o.key}`, o] as const))('%s has a Chinese label and help', (_, o) => {
    const key = `controls.opt.${o.key}`;
    const label = hasKey(key) ? translate('zh', key) : o.zh?.label;
    expect(label, 'Chinese label').toBeTruthy();
    expect(CJK.test(label!) || label !== o.label, `Chinese label "${label}" is a copy of the English one`).toBe(true);
    if (o.help) {
      const helpKey = `${key}.help`;
      const help = hasKey(helpKey) ? translate('zh', helpKey) : o.zh?.help;
      expect(help, 'Chinese help').toBeTruthy();
      expect(CJK.test(help!) || help !== o.help, 'Chinese help is a copy of the English one').toBe(true);
    }
  });
});
