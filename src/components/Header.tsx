// Product header: name, page navigation, language toggle, and which backend trains the model.
import { appStore, useApp } from '../store';
import type { Page } from '../store/url';
import { goToPage } from '../store/navigation';
import { useT } from './hooks';
import type { MessageKey } from '../i18n';
import type { BackendReport, BackendTiming } from '../protocol/messages';
import { useDeviceSettings } from '../store/device-settings';
import { ShareButtons } from './ShareButtons';
import { PresentButton } from './Presentation';
import { ThemeSwitch } from './ThemeSwitch';

function BackendBadge() {
  const t = useT();
  const backend = useApp((s) => s.run.backend);
  return (
    <span className={`badge backend-badge${backend ? '' : ' pending'}`} data-testid="backend-badge"
      title={t('backend.label')} data-pending-text={t('backend.loading')}>
      {/* Empty until the worker reports: tests and CSS (:empty) rely on that. */}
      {backend ? backend.backend.toUpperCase() : null}
    </span>
  );
}

const BACKEND_NAMES: Record<string, string> = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' };

/**
 * One skipped backend, in the page's language: known reasons come as a code the page translates;
 * anything else shows the worker's English text (which already names the backend).
 */
function fallbackLine(t: ReturnType<typeof useT>, f: BackendReport['fallbacks'][number]): string {
  const name = BACKEND_NAMES[f.backend] ?? f.backend;
  if (f.code) return t('backend.skipped', { backend: name, reason: t(`backend.why.${f.code}` as MessageKey, { detail: f.detail ?? '' }) });
  if (f.reason.toLowerCase().startsWith(`${name.toLowerCase()}:`)) return f.reason;
  return t('backend.skipped', { backend: name, reason: f.reason });
}

/** One backend's timing: "WASM 6 ms", "WebGPU (SwiftShader, software) 41 ms", or why it has none. */
function timingText(t: ReturnType<typeof useT>, m: BackendTiming): string {
  const name = BACKEND_NAMES[m.backend] ?? m.backend;
  const backend = m.software ? `${name} (${m.software}, ${t('backend.time.software')})` : name;
  if (m.ms !== null) return t('backend.time', { backend, ms: String(m.ms) });
  if (m.firstMs !== undefined) return t('backend.time.over', { backend, first: String(Math.round(m.firstMs)) });
  return t('backend.time.failed', { backend, error: m.error ?? '?' });
}

export function BackendNotice() {
  const t = useT();
  const backend = useApp((s) => s.run.backend);
  const remeasure = useDeviceSettings((s) => s.remeasure);
  const timed = backend?.measured && (backend.how === 'measured' || backend.how === 'remembered') ? backend.measured : null;
  return (
    <>
      <FaultNotice />
      {backend && (backend.fallbacks.length > 0 || timed) && (
        <div className="banner banner-info" data-testid="backend-notice" role="status">
          <span className="banner-icon" aria-hidden="true">ⓘ</span>
          <span>
            <strong>{t('backend.fallback', { backend: BACKEND_NAMES[backend.backend] ?? backend.backend })}</strong>{' '}
            {timed && (
              <span data-testid="backend-timing">
                {t(backend.how === 'remembered' ? 'backend.how.remembered' : 'backend.how.measured', { times: timed.map((m) => timingText(t, m)).join(' · ') })}{' '}
              </span>
            )}
            {backend.fallbacks.map((f) => fallbackLine(t, f)).join(' · ')}
          </span>
          {timed && remeasure && (
            <button type="button" className="btn btn-ghost" data-testid="backend-remeasure" title={t('backend.remeasure.help')} onClick={remeasure}>
              {t('backend.remeasure')}
            </button>
          )}
        </div>
      )}
    </>
  );
}

/** The GPU backend died during training and the worker went on elsewhere (session.ts): say so until dismissed. */
function FaultNotice() {
  const t = useT();
  const fault = useDeviceSettings((s) => s.fault);
  if (!fault) return null;
  return (
    <div className="banner banner-warn" data-testid="fault-notice" role="alert">
      <p>
        {t('fault.notice', {
          from: BACKEND_NAMES[fault.from] ?? fault.from,
          to: BACKEND_NAMES[fault.to] ?? fault.to,
          why: t(`fault.${fault.kind}` as MessageKey),
          step: String(fault.step),
          reached: String(Math.max(fault.reached, fault.step)),
        })}
      </p>
      <button type="button" className="btn btn-ghost" data-testid="fault-notice-dismiss" onClick={() => useDeviceSettings.setState({ fault: null })}>
        {t('worker.dismiss')}
      </button>
    </div>
  );
}

const NAV: { page: Page; testId: string; label: MessageKey }[] = [
  { page: 'playground', testId: 'playground', label: 'nav.playground' },
  { page: 'cells', testId: 'cells', label: 'nav.cells' },
  { page: 'compare', testId: 'compare', label: 'nav.compare' },
  { page: 'whatif', testId: 'whatif', label: 'nav.whatif' },
  { page: 'lesson', testId: 'lesson', label: 'nav.lesson' },
  { page: 'gallery', testId: 'gallery', label: 'nav.gallery' },
];

export function Header() {
  const t = useT();
  const page = useApp((s) => s.ui.page);
  const lang = useApp((s) => s.ui.lang);
  const go = (p: Page) => goToPage(appStore(), p);
  return (
    <header className="app-header">
      <div className="brand">
        <svg className="logo" viewBox="0 0 32 32" aria-hidden="true">
          <circle cx="16" cy="16" r="13" fill="none" stroke="currentColor" strokeWidth="2.5" />
          <path d="M16 3 a13 13 0 0 1 13 13" fill="none" stroke="#e76f51" strokeWidth="2.5" />
          <circle cx="16" cy="16" r="4" fill="#2a9d8f" />
        </svg>
        <div>
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
      </div>
      <nav className="nav" aria-label="main">
        {NAV.map((n) => {
          // The card page lives under Cells in the navigation.
          const active = page === n.page || (n.page === 'cells' && page === 'cell');
          return (
            <button key={n.page} type="button" className={`nav-link${active ? ' active' : ''}`} data-testid={`nav-${n.testId}`}
              aria-current={active ? 'page' : undefined} onClick={() => go(n.page)}>
              {t(n.label)}
            </button>
          );
        })}
      </nav>
      <div className="header-tools">
        <BackendBadge />
        <ShareButtons />
        <PresentButton />
        <ThemeSwitch />
        <button type="button" className="btn btn-ghost lang-toggle" data-testid="lang-toggle" title={t('lang.toggleLabel')}
          onClick={() => appStore().getState().setUi({ lang: lang === 'en' ? 'zh' : 'en' })}>
          {lang === 'en' ? 'EN · ' : ''}<strong>{t('lang.toggle')}</strong>{lang === 'zh' ? ' · 中文' : ''}
        </button>
      </div>
    </header>
  );
}

export function UrlNotices() {
  const t = useT();
  const notices = useApp((s) => s.ui.notices);
  if (!notices.length) return null;
  return (
    <div className="banner banner-warn" data-testid="url-notice" role="status">
      <div>
        <strong>{t('notice.title')}</strong>
        <ul>
          {notices.map((n, i) => (
            <li key={`${i}-${n.key}-${n.reason}`} title={n.message}>{t(`notice.${n.reason}`, { key: n.key, raw: n.raw, value: n.value, range: n.range ?? '' })}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="btn btn-ghost" onClick={() => appStore().getState().setUi({ notices: [] })}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
