// Light / dark / follow the system: three small radio buttons, remembered (src/store/theme.ts).
import { useEffect } from 'react';
import { startTheme, THEME_PREFS, useTheme, type ThemePref } from '../store/theme';
import type { MessageKey } from '../i18n';
import { useT } from './hooks';

const ICON: Record<ThemePref, string> = { light: '☀', dark: '☾', system: '◐' };

export function ThemeSwitch() {
  const t = useT();
  const pref = useTheme((s) => s.pref);
  const setPref = useTheme((s) => s.setPref);
  useEffect(() => startTheme(), []);
  // A radio group: ←/→ move the choice (and the focus) along light, dark, system.
  const onKey = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const d = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!d) return;
    e.preventDefault();
    const next = THEME_PREFS[(THEME_PREFS.indexOf(pref) + d + THEME_PREFS.length) % THEME_PREFS.length];
    setPref(next);
    e.currentTarget.querySelector<HTMLButtonElement>(`[data-testid=theme-${next}]`)?.focus();
  };
  return (
    <div className="theme-switch" role="radiogroup" aria-label={t('theme.label')} data-testid="theme-switch" onKeyDown={onKey}>
      {THEME_PREFS.map((p) => (
        <button key={p} type="button" role="radio" aria-checked={pref === p} className={`theme-option${pref === p ? ' active' : ''}`}
          data-testid={`theme-${p}`} tabIndex={pref === p ? 0 : -1} title={t(`theme.${p}` as MessageKey)} aria-label={t(`theme.${p}` as MessageKey)}
          onClick={() => setPref(p)}>
          <span aria-hidden="true">{ICON[p]}</span>
        </button>
      ))}
    </div>
  );
}
