// The Compare page: two cells train in turn in the one worker; both loss curves and both
// ‖∂L/∂h_t‖ profiles draw, in their own colours, and the table counts their parameters.
import assert from 'node:assert/strict';
import { waitForStep, withPage, type Scenario } from './scenario';

export const scenarios: Scenario[] = [
  {
    name: 'compare: RNN and GRU train side by side; both loss curves and gradient profiles draw',
    run: (base) =>
      withPage({ shot: 'compare' }, async (page) => {
        await page.goto(`${base}/`);
        await page.click('[data-testid=nav-compare]');
        await page.waitForSelector('[data-testid=compare-page]');
        await page.waitForSelector('[data-testid=backend-badge]:not(:empty)');
        // Pick exactly RNN and GRU through the page's own controls.
        for (;;) {
          const chips = await page.$$eval('[data-testid^=compare-chip-]', (els) => els.map((e) => e.getAttribute('data-testid')!.slice(13)));
          const extra = chips.find((c) => c !== 'rnn' && c !== 'gru');
          if (chips.length > 2 && extra) {
            await page.click(`[data-testid=compare-remove-${extra}]`);
            continue;
          }
          for (const want of ['rnn', 'gru']) if (!chips.includes(want)) await page.selectOption('[data-testid=compare-add]', want);
          break;
        }
        await page.waitForFunction(() => /compare=(rnn,gru|gru,rnn)(&|$)/.test(location.search), null, { timeout: 5000 });
        await page.click('[data-testid=play-toggle]');
        await waitForStep(page, 3, 90_000);
        for (const chart of ['compare-loss-chart', 'compare-gradnorm-chart']) {
          await page.waitForFunction(
            (sel) => {
              const ds = [...document.querySelectorAll(`[data-testid=${sel}] g.s path.line`)].map((p) => p.getAttribute('d') ?? '');
              return ds.length === 2 && ds.every((d) => d.length > 10);
            },
            chart,
            { timeout: 30_000 },
          );
        }
        const colours = await page.$$eval('[data-testid=compare-loss-chart] g.s path.line', (ps) => ps.map((p) => p.getAttribute('stroke')));
        assert.equal(new Set(colours).size, 2, 'one colour per cell');
        for (const id of ['rnn', 'gru']) {
          assert.match((await page.textContent(`[data-testid=compare-params-${id}]`)) ?? '', /\d/, `${id}: parameter count`);
        }
        await page.click('[data-testid=play-toggle]');
        await page.waitForFunction(() => /paused|暂停/i.test(document.querySelector('[data-testid=run-status]')?.textContent ?? ''), null, { timeout: 30_000 });
      }),
  },
];
