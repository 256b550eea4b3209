// The page's keyboard shortcuts (src/components/PresentationKeys.ts): what each key does, and when
// it must do nothing (typing in a text field, a focused control that owns the key, a lesson page's
// arrows, modifier keys). Lesson.tsx's stepKeyAction keeps ←/→/PageUp/PageDown on lesson pages.
import { describe, expect, it } from 'vitest';
import { presentKeyAction, SHORTCUTS, type KeyContext } from '../../src/components/PresentationKeys';
import { stepKeyAction } from '../../src/components/Lesson';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';

const body = { tagName: 'BODY' };
const play: KeyContext = { presenting: false, lesson: false, helpOpen: false };
const presenting: KeyContext = { presenting: true, lesson: false, helpOpen: false };
const lesson: KeyContext = { presenting: true, lesson: true, helpOpen: false };
const act = (key: string, ctx: KeyContext, target: object | null = body, mods = {}) => presentKeyAction(key, mods, target, ctx);

describe('presentKeyAction', () => {
  it('P enters and leaves presentation mode; Esc leaves it and does nothing outside it', () => {
    expect(act('p', play)).toBe('present');
    expect(act('P', play)).toBe('present');
    expect(act('p', presenting)).toBe('exit');
    expect(act('Escape', presenting)).toBe('exit');
    expect(act('Escape', play)).toBeNull();
  });

  it('Space plays/pauses, → steps, R resets, ? opens the shortcuts (Esc or ? closes them first)', () => {
    expect(act(' ', presenting)).toBe('play');
    expect(act('ArrowRight', presenting)).toBe('step');
    expect(act('r', presenting)).toBe('reset');
    // Outside presentation mode Space scrolls the page and R is only a letter.
    expect(act('R', play)).toBeNull();
    expect(act(' ', play)).toBeNull();
    expect(act('ArrowRight', play)).toBeNull();
    expect(act('?', presenting)).toBe('help');
    const help = { ...presenting, helpOpen: true };
    expect(act('Escape', help)).toBe('close-help');
    expect(act('?', help)).toBe('close-help');
    expect(act('x', presenting)).toBeNull();
    expect(act('ArrowLeft', presenting)).toBeNull();
  });

  it('does nothing while the reader types in a text field', () => {
    for (const target of [{ tagName: 'INPUT', type: 'text' }, { tagName: 'INPUT', type: 'number' }, { tagName: 'INPUT', type: 'search' }, { tagName: 'TEXTAREA' }, { tagName: 'DIV', isContentEditable: true }]) {
      for (const key of ['p', ' ', 'ArrowRight', 'r', '?', 'Escape']) expect(act(key, presenting, target), `${key} in ${JSON.stringify(target)}`).toBeNull();
    }
  });

  it('leaves a focused control the keys it owns', () => {
    // Space presses a focused button, ticks a checkbox, opens a menu.
    for (const target of [{ tagName: 'BUTTON' }, { tagName: 'A' }, { tagName: 'SELECT' }, { tagName: 'INPUT', type: 'checkbox' }, { tagName: 'DIV', role: 'radio' }]) {
      expect(act(' ', presenting, target), JSON.stringify(target)).toBeNull();
    }
    // Arrows move a focused slider, menu or radio group; a button does not use them.
    for (const target of [{ tagName: 'INPUT', type: 'range' }, { tagName: 'SELECT' }, { tagName: 'BUTTON', role: 'radio' }, { tagName: 'DIV', role: 'slider' }]) {
      expect(act('ArrowRight', presenting, target), JSON.stringify(target)).toBeNull();
    }
    expect(act('ArrowRight', presenting, { tagName: 'BUTTON' })).toBe('step');
    // Letters on a slider or a button still work: they do not use them.
    expect(act('r', presenting, { tagName: 'INPUT', type: 'range' })).toBe('reset');
    expect(act('p', play, { tagName: 'BUTTON' })).toBe('present');
  });

  it('on a lesson page → turns the step (stepKeyAction), never a training step', () => {
    expect(act('ArrowRight', lesson)).toBeNull();
    expect(stepKeyAction('ArrowRight', body)).toBe(1);
    expect(stepKeyAction('PageDown', body)).toBe(1);
    expect(stepKeyAction('PageUp', { tagName: 'INPUT', type: 'range' })).toBe(-1);
    expect(act(' ', lesson)).toBe('play');
    expect(act('r', lesson)).toBe('reset');
  });

  it('ignores keys with Ctrl, Alt or Meta (browser shortcuts such as Ctrl+P, Ctrl+R)', () => {
    for (const mods of [{ ctrlKey: true }, { metaKey: true }, { altKey: true }]) {
      for (const key of ['p', 'r', ' ', 'ArrowRight', '?', 'Escape']) expect(act(key, presenting, body, mods)).toBeNull();
    }
  });

  it('lists every shortcut in both languages', () => {
    for (const s of SHORTCUTS) {
      expect(en).toHaveProperty(`keys.${s.id}`);
      expect((zh as Record<string, string>)[`keys.${s.id}`]).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
