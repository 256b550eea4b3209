// Card presets that learn, share 3 of 3 (the shares run as parallel files; see presets-learn-helpers.ts).
import { beforeAll, describe } from 'vitest';
import { useNodeBackend } from '../../src/engine/node-backend';
import { presetsLearn, SHARES } from './presets-learn-helpers';

beforeAll(async () => {
  await useNodeBackend();
});

describe('card presets learn (3/3)', () => {
  presetsLearn(SHARES[2]);
});
