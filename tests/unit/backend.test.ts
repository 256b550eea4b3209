import { describe, expect, it } from 'vitest';
import { chooseBackend, type Candidate, type Verdict } from '../../src/worker/backend';
import type { BackendName, BackendTiming } from '../../src/protocol/messages';

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
    expect(await chooseBackend({ prefer: 'auto' }, candidates)).toMatchObject({ backend: 'webgpu', fallbacks: [], how: 'order' });
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

/** Candidates that can be timed: `ms` per backend (null: over budget; 'throw': the timing fails). */
function timed(ms: Partial<Record<BackendName, number | null | 'throw'>>, verdicts: Partial<Record<BackendName, Verdict>> = {}) {
  const started: BackendName[] = [];
  const timedOn: BackendName[] = [];
  let active: BackendName | null = null;
  const make = (name: BackendName): Candidate => ({
    check: async () => verdicts[name] ?? { ok: true },
    describe: () => `${name}: Fake GPU 9000`,
    start: async () => {
      started.push(name);
      active = name;
      return true;
    },
    ...(name in ms
      ? {
          time: async () => {
            timedOn.push(active!);
            const v = ms[name];
            if (v === 'throw') throw new Error('shader failed');
            return v === null ? { ms: null, firstMs: 2000 } : { ms: v! };
          },
        }
      : {}),
  });
  const candidates = { webgpu: make('webgpu'), webgl: make('webgl'), wasm: make('wasm'), cpu: make('cpu') };
  return { candidates, started, timedOn, active: () => active };
}

describe('chooseBackend by measurement', () => {
  it('times WebGPU and WASM (not WebGL beside WebGPU), starts the fastest and reports every time', async () => {
    const f = timed({ webgpu: 12, wasm: 7, webgl: 3 });
    const report = await chooseBackend({}, f.candidates, 'UA/1');
    expect(f.timedOn).toEqual(['webgpu', 'wasm']);
    expect(report).toMatchObject({ backend: 'wasm', how: 'measured', measured: [{ backend: 'webgpu', ms: 12 }, { backend: 'wasm', ms: 7 }] });
    expect(f.active()).toBe('wasm');
    expect(report.deviceKey).toBe('webgpu: Fake GPU 9000 | webgl: Fake GPU 9000 | wasm: Fake GPU 9000 | cpu: Fake GPU 9000 | UA/1');
  });

  it('takes a real GPU when it is faster', async () => {
    const f = timed({ webgpu: 2, wasm: 7 });
    expect(await chooseBackend({ prefer: 'auto' }, f.candidates)).toMatchObject({ backend: 'webgpu', how: 'measured' });
    expect(f.active()).toBe('webgpu');
  });

  it('does not time a software adapter (it keeps the fixed order), unless asked to', async () => {
    const plain = timed({ webgpu: 40, wasm: 7 }, { webgpu: swiftshader });
    expect(await chooseBackend({}, plain.candidates)).toMatchObject({ backend: 'webgl', how: 'order', fallbacks: [{ backend: 'webgpu', code: 'software' }] });
    expect(plain.timedOn).toEqual([]);
    const f = timed({ webgpu: 40, wasm: 7 }, { webgpu: swiftshader });
    const report = await chooseBackend({ timeSoftware: true }, f.candidates);
    expect(report.backend).toBe('wasm');
    expect(report.measured).toEqual([{ backend: 'webgpu', ms: 40, software: 'SwiftShader' }, { backend: 'wasm', ms: 7 }]);
    // Timed, so not listed as skipped.
    expect(report.fallbacks).toEqual([]);
  });

  it('times WebGL where there is no WebGPU adapter, and lists WebGPU as skipped', async () => {
    const f = timed({ webgpu: 1, webgl: 4, wasm: 9 }, { webgpu: { ok: false, reason: 'the browser found no WebGPU adapter', code: 'no-adapter' } });
    const report = await chooseBackend({}, f.candidates);
    expect(f.timedOn).toEqual(['wasm', 'webgl']);
    expect(report).toMatchObject({ backend: 'webgl', how: 'measured', fallbacks: [{ backend: 'webgpu', code: 'no-adapter' }] });
  });

  it('skips a backend whose timing fails or runs over the budget', async () => {
    const over = await chooseBackend({}, timed({ webgpu: null, wasm: 30 }).candidates);
    expect(over).toMatchObject({ backend: 'wasm', measured: [{ backend: 'webgpu', ms: null, firstMs: 2000 }, { backend: 'wasm', ms: 30 }] });
    const failed = await chooseBackend({}, timed({ webgpu: 1, wasm: 'throw' }).candidates);
    expect(failed).toMatchObject({ backend: 'webgpu', measured: [{ backend: 'webgpu', ms: 1 }, { backend: 'wasm', ms: null, error: 'shader failed' }] });
  });

  it('uses the choice remembered for this device without timing, and times again on another device', async () => {
    const measured: BackendTiming[] = [{ backend: 'webgpu', ms: 3 }, { backend: 'wasm', ms: 8 }];
    const first = await chooseBackend({}, timed({ webgpu: 3, wasm: 8 }).candidates, 'UA/1');
    const remembered = { [first.deviceKey!]: { backend: first.backend, measured: first.measured!, at: 1 } };
    const same = timed({ webgpu: 50, wasm: 8 });
    expect(await chooseBackend({ remembered }, same.candidates, 'UA/1')).toMatchObject({ backend: 'webgpu', how: 'remembered', measured });
    expect(same.timedOn).toEqual([]);
    const other = timed({ webgpu: 50, wasm: 8 });
    expect(await chooseBackend({ remembered }, other.candidates, 'UA/2')).toMatchObject({ backend: 'wasm', how: 'measured' });
    expect(other.timedOn).toEqual(['webgpu', 'wasm']);
  });

  it('does not time a backend asked for by name, nor after a fault (measure: false), where the lost one is skipped', async () => {
    const named = timed({ webgpu: 50, wasm: 8 });
    expect(await chooseBackend({ prefer: 'webgpu' }, named.candidates)).toMatchObject({ backend: 'webgpu', how: 'forced' });
    expect(named.timedOn).toEqual([]);
    const after = timed({ webgpu: 1, wasm: 8 });
    const report = await chooseBackend({ prefer: 'auto', measure: false, lost: ['webgpu'] }, after.candidates);
    expect(after.timedOn).toEqual([]);
    expect(report).toMatchObject({ backend: 'webgl', how: 'order', fallbacks: [{ backend: 'webgpu', code: 'lost' }] });
  });
});

describe('timeTrainingStep', () => {
  it('times the step on the active backend, leaks no tensor, and gives up within the budget', async () => {
    const { useNodeBackend } = await import('../../src/engine/node-backend');
    const { timeTrainingStep } = await import('../../src/worker/step-timing');
    const tf = await import('@tensorflow/tfjs-core');
    await useNodeBackend();
    const before = tf.memory().numTensors;
    const t = await timeTrainingStep(10_000);
    expect(t.ms).toBeGreaterThan(0);
    expect(t.firstMs).toBeUndefined();
    // A budget smaller than one run: only the first (untimed) run, reported as such.
    const none = await timeTrainingStep(0);
    expect(none.ms).toBeNull();
    expect(none.firstMs).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });
});
