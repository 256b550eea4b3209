// The shortcuts overlay (`?`): every key of the page and of presentation mode, in the page's language.
import { useEffect, useRef } from 'react';
import type { MessageKey } from '../i18n';
import { SHORTCUTS } from './PresentationKeys';
import { useT } from './hooks';

export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  const t = useT();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => before?.focus?.();
  }, []);
  return (
    <div className="shortcuts-backdrop" onClick={onClose}>
      <div className="shortcuts card" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" data-testid="shortcuts"
        onClick={(e) => e.stopPropagation()}>
        <h2 id="shortcuts-title" className="card-title">{t('keys.title')}</h2>
        <table className="shortcuts-table">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.id} data-testid={`shortcut-${s.id}`}>
                <th scope="row">
                  {s.keys.map((k, i) => <span key={k}>{i > 0 && ' '}<kbd>{k === 'Space' ? t('keys.space') : k}</kbd></span>)}
                </th>
                <td>{t(`keys.${s.id}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="card-hint">{t('keys.note')}</p>
        <button ref={close} type="button" className="btn" data-testid="shortcuts-close" onClick={onClose}>{t('keys.close')}</button>
      </div>
    </div>
  );
}
