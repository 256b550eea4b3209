// The keyboard shortcuts of the page and of presentation mode, as a pure function of the key,
// the focused element and the page's state (unit-tested in tests/unit/presentation-keys.test.ts).
// A key never fires while the reader types in a text field, nor when the focused control owns it
// (Space presses a focused button, arrows move a focused slider or menu). On a lesson page the
// arrows and PageUp/PageDown turn the steps (stepKeyAction in Lesson.tsx): → is not a training step there.

export type KeyAction = 'present' | 'exit' | 'play' | 'step' | 'reset' | 'help' | 'close-help' | null;

export interface KeyTarget {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
  role?: string | null;
}

export interface KeyMods {
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

export interface KeyContext {
  presenting: boolean;
  lesson: boolean;
  helpOpen: boolean;
}

const OWN_SPACE_ROLES = new Set(['button', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'option', 'link', 'slider', 'spinbutton']);
const OWN_ARROW_ROLES = new Set(['slider', 'spinbutton', 'listbox', 'menu', 'menubar', 'tablist', 'radiogroup', 'radio', 'option', 'tree', 'grid']);

export function isTextField(t: KeyTarget | null): boolean {
  if (!t) return false;
  const tag = (t.tagName ?? '').toUpperCase();
  if (t.isContentEditable || tag === 'TEXTAREA') return true;
  return tag === 'INPUT' && !['range', 'checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'file'].includes(t.type ?? 'text');
}

/** Space activates a focused button, link, checkbox or menu: the control owns it. */
function ownsSpace(t: KeyTarget | null): boolean {
  if (!t) return false;
  const tag = (t.tagName ?? '').toUpperCase();
  return ['BUTTON', 'A', 'SELECT', 'SUMMARY', 'INPUT', 'OPTION'].includes(tag) || OWN_SPACE_ROLES.has(t.role ?? '');
}

/** Arrows move a focused slider, menu or radio group. */
function ownsArrows(t: KeyTarget | null): boolean {
  if (!t) return false;
  const tag = (t.tagName ?? '').toUpperCase();
  return tag === 'INPUT' || tag === 'SELECT' || OWN_ARROW_ROLES.has(t.role ?? '');
}

export function presentKeyAction(key: string, mods: KeyMods, target: KeyTarget | null, ctx: KeyContext): KeyAction {
  if (mods.altKey || mods.ctrlKey || mods.metaKey) return null;
  if (isTextField(target)) return null;
  if (key === 'Escape') return ctx.helpOpen ? 'close-help' : ctx.presenting ? 'exit' : null;
  switch (key) {
    case '?':
      return ctx.helpOpen ? 'close-help' : 'help';
    case 'p':
    case 'P':
      return ctx.presenting ? 'exit' : 'present';
    // Space, → and R drive the run only while presenting: on a page being read, Space scrolls and
    // a stray R must not throw away a run.
    case ' ':
    case 'Spacebar':
      return !ctx.presenting || ownsSpace(target) ? null : 'play';
    case 'ArrowRight':
      return !ctx.presenting || ctx.lesson || ownsArrows(target) ? null : 'step';
    case 'r':
    case 'R':
      return ctx.presenting ? 'reset' : null;
    default:
      return null;
  }
}

/** Every shortcut, in the order the overlay lists them (i18n keys `keys.<id>`). */
export const SHORTCUTS: { keys: string[]; id: string }[] = [
  { keys: ['P'], id: 'present' },
  { keys: ['Space'], id: 'play' },
  { keys: ['→'], id: 'step' },
  { keys: ['R'], id: 'reset' },
  { keys: ['←', '→', 'PageUp', 'PageDown'], id: 'lessonSteps' },
  { keys: ['?'], id: 'help' },
  { keys: ['Esc'], id: 'exit' },
];
