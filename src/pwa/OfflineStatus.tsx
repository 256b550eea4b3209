// What the page says about working offline: once after the first visit ("ready to work offline",
// fades after a few seconds), when a newer version waits (with a button that applies it), and while
// the network is gone. A toast in the corner, fixed: it arrives a few seconds after the page (when
// the service worker has stored the build) and must not shift what the reader is looking at.
import { useEffect, useSyncExternalStore, type CSSProperties, type ReactNode } from 'react';
import { useT } from '../components/hooks';
import { applyUpdate, dismissPwa, pwaStatus, startPwa, subscribePwa } from './register';

const READY_MS = 10_000;

const toast: CSSProperties = {
  position: 'fixed', right: 16, bottom: 16, zIndex: 40, maxWidth: 440, margin: 0,
  alignItems: 'center', boxShadow: '0 4px 18px rgba(15, 23, 42, 0.18)',
};

function Toast({ id, icon, children }: { id: string; icon: string; children: ReactNode }) {
  return (
    <div className="banner banner-info" style={toast} data-testid={id} role="status">
      <span className="banner-icon" aria-hidden="true">{icon}</span>
      {children}
    </div>
  );
}

export function OfflineStatus() {
  const t = useT();
  const s = useSyncExternalStore(subscribePwa, pwaStatus, pwaStatus);
  useEffect(startPwa, []);
  useEffect(() => {
    if (!s.offlineReady) return;
    const timer = setTimeout(() => dismissPwa('offlineReady'), READY_MS);
    return () => clearTimeout(timer);
  }, [s.offlineReady]);
  // Embedded in a course page (an iframe) the widget stays clean: the service worker still keeps
  // it working offline, but the notices belong to the app's own tab.
  if (window.self !== window.top) return null;
  if (s.needRefresh) {
    return (
      <Toast id="pwa-update" icon="↻">
        <span>{t('pwa.update')}</span>
        <button type="button" className="btn" data-testid="pwa-update-apply" onClick={applyUpdate}>{t('pwa.reload')}</button>
        <button type="button" className="btn btn-ghost" onClick={() => dismissPwa('needRefresh')}>{t('pwa.later')}</button>
      </Toast>
    );
  }
  if (s.offlineNow) {
    return (
      <Toast id="pwa-offline-now" icon="✈">
        <span>{t('pwa.offlineNow')}</span>
      </Toast>
    );
  }
  if (s.offlineReady) {
    return (
      <Toast id="pwa-ready" icon="✓">
        <span>{t('pwa.ready')}</span>
        <button type="button" className="btn btn-ghost" onClick={() => dismissPwa('offlineReady')}>{t('pwa.dismiss')}</button>
      </Toast>
    );
  }
  return null;
}
