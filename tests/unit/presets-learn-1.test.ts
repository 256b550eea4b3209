// Card presets that learn, share 1 of 3 (the shares run as parallel files; see presets-learn-helpers.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
import { presetsLearn, SHARES, STEPS } from './presets-learn-helpers';
import { cellList } from '../../src/cells/registry';

beforeAll(async () => {
  await useNodeBackend();
});

describe('card presets learn (1/3)', () => {
  it('the three shares cover every cell of the registry once, each with a step count', () => {
    const all = SHARES.flat();
    expect([...all].sort()).toEqual(cellList.map((c) => c.id).sort());
    for (const id of all) expect(STEPS[id]).toBeGreaterThan(0);
    // Every card names its task: nothing is left to whatever the page had before.
    for (const c of cellList) expect(c.preset?.taskId, c.id).toBeTruthy();
  });

  presetsLearn(SHARES[0]);
});
