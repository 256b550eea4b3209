// What the page says about working offline: once after the first visit ("ready to work offline"),
// when a newer version waits (with a button that applies it), and while the network is gone.
import { useEffect, useSyncExternalStore } from 'react';
import { useT } from '../components/hooks';
import { applyUpdate, dismissPwa, pwaStatus, startPwa, subscribePwa } from './register';

export function OfflineStatus() {
  const t = useT();
  const s = useSyncExternalStore(subscribePwa, pwaStatus, pwaStatus);
  useEffect(startPwa, []);
  if (s.needRefresh) {
    return (
      <div className="banner banner-info" data-testid="pwa-update" role="status">
        <span className="banner-icon" aria-hidden="true">↻</span>
        <span>{t('pwa.update')}</span>
        <button type="button" className="btn" data-testid="pwa-update-apply" onClick={applyUpdate}>{t('pwa.reload')}</button>
        <button type="button" className="btn btn-ghost" onClick={() => dismissPwa('needRefresh')}>{t('pwa.later')}</button>
      </div>
    );
  }
  if (s.offlineNow) {
    return (
      <div className="banner banner-info" data-testid="pwa-offline-now" role="status">
        <span className="banner-icon" aria-hidden="true">✈</span>
        <span>{t('pwa.offlineNow')}</span>
      </div>
    );
  }
  if (s.offlineReady) {
    return (
      <div className="banner banner-info" data-testid="pwa-ready" role="status">
        <span className="banner-icon" aria-hidden="true">✓</span>
        <span>{t('pwa.ready')}</span>
        <button type="button" className="btn btn-ghost" onClick={() => dismissPwa('offlineReady')}>{t('pwa.dismiss')}</button>
      </div>
    );
  }
  return null;
}
