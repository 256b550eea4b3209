import { describe, expect, it } from 'vitest';
import { chooseBackend, type Candidate, type Verdict } from '../../src/worker/backend';
import type { BackendName } from '../../src/protocol/messages';

function fakes(verdicts: Partial<Record<BackendName, Verdict>>, fails: BackendName[] = []) {
  const started: BackendName[] = [];
  const make = (name: BackendName): Candidate => ({
    check: async () => verdicts[name] ?? { ok: true },
    start: async () => {
      started.push(name);
      if (fails.includes(name)) throw new Error('boom');
      return true;
    },
  });
  const candidates = { webgpu: make('webgpu'), webgl: make('webgl'), wasm: make('wasm'), cpu: make('cpu') };
  return { candidates, started };
}

const swiftshader: Verdict = {
  ok: false, software: true, code: 'software', detail: 'SwiftShader',
  reason: 'the browser offers only a software adapter (SwiftShader), which is slower than WASM here',
};

describe('chooseBackend', () => {
  it('skips software GPU backends for WASM and says why', async () => {
    const { candidates, started } = fakes({ webgpu: swiftshader, webgl: { ok: false, software: true, reason: 'the renderer is software (SwiftShader)' } });
    const report = await chooseBackend({}, candidates);
    expect(report.backend).toBe('wasm');
    expect(started).toEqual(['wasm']);
    expect(report.fallbacks).toEqual([
      { backend: 'webgpu', reason: 'WebGPU: the browser offers only a software adapter (SwiftShader), which is slower than WASM here', code: 'software', detail: 'SwiftShader' },
      { backend: 'webgl', reason: 'WebGL: the renderer is software (SwiftShader)' },
    ]);
  });

  it('takes a real GPU first', async () => {
    const { candidates } = fakes({});
    expect(await chooseBackend({ prefer: 'auto' }, candidates)).toEqual({ backend: 'webgpu', fallbacks: [] });
  });

  it('uses a software adapter when it is asked for by name, but not a missing one', async () => {
    expect((await chooseBackend({ prefer: 'webgpu' }, fakes({ webgpu: swiftshader }).candidates)).backend).toBe('webgpu');
    const missing = await chooseBackend({ prefer: 'webgpu' }, fakes({ webgpu: { ok: false, reason: 'no navigator.gpu' } }).candidates);
    expect(missing.backend).toBe('webgl');
  });

  it('honours disabled backends and falls through start failures to CPU', async () => {
    const { candidates } = fakes({}, ['wasm']);
    const report = await chooseBackend({ disabled: ['webgpu', 'webgl'] }, candidates);
    expect(report.backend).toBe('cpu');
    expect(report.fallbacks.map((f) => f.reason)).toEqual([
      'WebGPU: turned off in the settings',
      'WebGL: turned off in the settings',
      'WASM: tfjs could not start it (boom)',
    ]);
  });

  it('throws with every reason when nothing starts', async () => {
    const { candidates } = fakes({}, ['cpu']);
    await expect(chooseBackend({ disabled: ['webgpu', 'webgl', 'wasm'] }, candidates)).rejects.toThrow(/CPU: tfjs could not start it/);
  });
});
