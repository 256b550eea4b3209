// Which lesson steps the reader has read, kept in the browser (localStorage) between visits: a
// small JSON object { lessonId: [stepId, …] }. Step ids, not indices, so a lesson that gains a
// step keeps what was read. Robust by design: no storage (private mode, Node, a sandboxed frame),
// storage that throws, a corrupt or foreign value — each reads as "nothing read yet", and the
// page keeps working with progress held in memory.

export type Progress = Record<string, string[]>;

export const PROGRESS_KEY = 'rnn-atlas.progress.v1';

/** Reads a stored value; anything that is not { string: string[] } is dropped, entry by entry. */
export function parseProgress(raw: string | null | undefined): Progress {
  if (!raw) return {};
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return {};
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  const out: Progress = {};
  for (const [lesson, steps] of Object.entries(data as Record<string, unknown>)) {
    if (!Array.isArray(steps)) continue;
    const ids = steps.filter((s): s is string => typeof s === 'string' && s.length > 0 && s.length < 100);
    if (ids.length) out[lesson] = [...new Set(ids)];
  }
  return out;
}

/** The progress with one more step read (the same object when it was read already). */
export function withStepRead(p: Progress, lessonId: string, stepId: string): Progress {
  if (p[lessonId]?.includes(stepId)) return p;
  return { ...p, [lessonId]: [...(p[lessonId] ?? []), stepId] };
}

/** How many of a lesson's steps are read (ids no longer in the lesson do not count). */
export function stepsRead(p: Progress, lesson: { id: string; steps: { id: string }[] }): number {
  const read = new Set(p[lesson.id] ?? []);
  return lesson.steps.filter((s) => read.has(s.id)).length;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function storage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** A progress keeper over a storage (the browser's localStorage by default), with listeners for the page. */
export function createProgressStore(getStorage: () => StorageLike | null = storage) {
  let current: Progress | null = null;
  const listeners = new Set<() => void>();
  const load = (): Progress => {
    if (current) return current;
    try {
      current = parseProgress(getStorage()?.getItem(PROGRESS_KEY));
    } catch {
      current = {};
    }
    return current;
  };
  const save = (p: Progress) => {
    current = p;
    try {
      const s = getStorage();
      if (Object.keys(p).length) s?.setItem(PROGRESS_KEY, JSON.stringify(p));
      else s?.removeItem(PROGRESS_KEY);
    } catch {
      // Full or forbidden storage: keep the progress in memory for this visit.
    }
    for (const l of listeners) l();
  };
  return {
    get: load,
    markRead(lessonId: string, stepId: string) {
      const p = load();
      const next = withStepRead(p, lessonId, stepId);
      if (next !== p) save(next);
    },
    reset() {
      save({});
    },
    subscribe(fn: () => void) {
      listeners.add(fn);
      return () => {
        listeners.delete(fn);
      };
    },
  };
}

export type ProgressStore = ReturnType<typeof createProgressStore>;

/** The page's progress (localStorage). */
export const progress: ProgressStore = createProgressStore();
