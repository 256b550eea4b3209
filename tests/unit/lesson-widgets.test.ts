// Which views a lesson step shows and how they are laid out: the step's own list, else the legacy
// 'gradnorm' focus shorthand, else the default; the first and the wide kinds take a whole row.
import { describe, expect, it } from 'vitest';

describe('lesson widget layout', () => {
  it('the first widget and wide kinds take a row; a half-width widget never sits alone', async () => {
    const { fullWidth, stepWidgets } = await import('../../src/components/LessonWidgets');
    expect(fullWidth(['heatmaps', 'loss', 'gradnorm'])).toEqual([true, false, false]);
    expect(fullWidth(['gradnorm', 'heatmaps', 'loss'])).toEqual([true, true, true]);
    expect(fullWidth(['samples', 'loss'])).toEqual([true, true]);
    expect(fullWidth(['loss', 'gradnorm', 'clip'])).toEqual([true, false, false]);
    expect(fullWidth(['heatmaps', 'loss', 'gradnorm', 'clip'])).toEqual([true, false, false, true]);
    expect(stepWidgets({ focus: 'gradnorm' })).toEqual(['gradnorm', 'heatmaps', 'loss']);
    expect(stepWidgets({})).toEqual(['heatmaps', 'loss', 'gradnorm']);
    expect(stepWidgets({ widgets: ['params'] })).toEqual(['params']);
  });
});
