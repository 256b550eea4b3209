// Lesson progress in local storage: read steps are kept by id, survive a reload (a new store over
// the same storage), and missing, throwing, corrupt or foreign storage reads as "nothing read".
import { describe, expect, it } from 'vitest';
import { createProgressStore, parseProgress, PROGRESS_KEY, stepsRead, withStepRead } from '../../src/store/progress';

function memoryStorage() {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
    removeItem: (k: string) => void m.delete(k),
    map: m,
  };
}

const lesson = { id: 'l', steps: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] };

describe('lesson progress', () => {
  it('counts the steps read, once each, by id', () => {
    let p = withStepRead({}, 'l', 'a');
    p = withStepRead(p, 'l', 'a');
    p = withStepRead(p, 'l', 'c');
    p = withStepRead(p, 'l', 'gone');
    expect(stepsRead(p, lesson)).toBe(2);
    expect(stepsRead(p, { id: 'other', steps: [{ id: 'a' }] })).toBe(0);
  });

  it('survives a reload', () => {
    const s = memoryStorage();
    const one = createProgressStore(() => s);
    let heard = 0;
    one.subscribe(() => heard++);
    one.markRead('l', 'b');
    one.markRead('l', 'b');
    expect(heard).toBe(1);
    const two = createProgressStore(() => s);
    expect(stepsRead(two.get(), lesson)).toBe(1);
    two.reset();
    expect(s.map.has(PROGRESS_KEY)).toBe(false);
  });

  it('reads corrupt or foreign values as nothing read, entry by entry', () => {
    expect(parseProgress('{not json')).toEqual({});
    expect(parseProgress('[1,2]')).toEqual({});
    expect(parseProgress('null')).toEqual({});
    expect(parseProgress('"x"')).toEqual({});
    expect(parseProgress(JSON.stringify({ l: ['a', 3, 'a', null], m: 'x', n: [] }))).toEqual({ l: ['a'] });
  });

  it('works without storage and when storage throws', () => {
    const none = createProgressStore(() => null);
    none.markRead('l', 'a');
    expect(stepsRead(none.get(), lesson)).toBe(1);
    const throwing = createProgressStore(() => ({
      getItem: () => { throw new Error('SecurityError'); },
      setItem: () => { throw new Error('QuotaExceededError'); },
      removeItem: () => { throw new Error('SecurityError'); },
    }));
    expect(throwing.get()).toEqual({});
    throwing.markRead('l', 'c');
    expect(stepsRead(throwing.get(), lesson)).toBe(1);
    const getterThrows = createProgressStore(() => { throw new Error('no window'); });
    expect(getterThrows.get()).toEqual({});
  });
});
