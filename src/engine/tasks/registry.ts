// Every task by id. The UI, the worker and the CLI look tasks up here; nothing else lists them.
import type { CellOptions } from '../../cells/types';
import { addingTask } from './adding';
import { againTask } from './again';
import { charsTask } from './chars';
import { copyTask } from './copy';
import { selectTask } from './select';
import type { Task, TaskSpec } from './types';

export const taskList: readonly TaskSpec[] = [copyTask, addingTask, selectTask, charsTask, againTask];

const byId = new Map(taskList.map((t) => [t.id, t]));

export function getTaskSpec(id: string): TaskSpec {
  const spec = byId.get(id);
  if (!spec) throw new Error(`unknown task "${id}"; known tasks: ${[...byId.keys()].join(', ')}`);
  return spec;
}

export function hasTask(id: string): boolean {
  return byId.has(id);
}

/** A ready task; missing options take their defaults, out-of-range ones are clamped. */
export function getTask(id: string, options: CellOptions = {}): Task {
  return getTaskSpec(id).create(options);
}
