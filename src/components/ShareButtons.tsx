// "Copy link" and "Embed" (issue 12, items 2 and 5). The link is written from the store, not read
// from the address bar (whose writer lags a drag by a quarter second), so it is the state on screen.
import { useEffect, useRef, useState } from 'react';
import { appStore, urlStateOf, useApp } from '../store';
import { EMBED_WIDGETS, serializeQuery, type EmbedWidget, type UrlState } from '../store/url';
import type { MessageKey } from '../i18n';
import { useT } from './hooks';

/** The absolute link to `state` (embed flags as given). */
export function linkOf(state: UrlState): string {
  return `${location.origin}${location.pathname}?${serializeQuery(state)}`;
}

/** The link to what is on screen now, as a full page (no embed flags). */
export function currentLink(): string {
  const s = urlStateOf(appStore().getState());
  return linkOf({ ...s, ui: { ...s.ui, embed: false, widget: '' } });
}

/** Clipboard API first; a selected textarea and execCommand where it is missing or refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    /* fall through to the old way */
  }
  try {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    return ok;
  } catch {
    return false;
  }
}

/** The height message the embedded page posts to its parent, and the snippet's listener for it. */
export const EMBED_MESSAGE = 'rnn-atlas:height';
/** Height the frame has before (or without) the listener: a widget, or a whole page. */
export const EMBED_FALLBACK_HEIGHT = { widget: 520, page: 900 } as const;

export function embedSnippet(src: string, title: string, height: number): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return [
    `<iframe src="${esc(src)}" title="${esc(title)}" width="100%" height="${height}" style="border:0;max-width:100%" loading="lazy"></iframe>`,
    `<script>addEventListener("message",function(e){var d=e.data;if(!d||d.type!=="${EMBED_MESSAGE}")return;` +
      `document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source)f.height=Math.ceil(d.height)})});</script>`,
  ].join('\n');
}

const WIDGET_LABEL: Record<EmbedWidget, MessageKey> = {
  heatmaps: 'panel.heatmaps', gradnorm: 'panel.gradnorm', loss: 'panel.loss', spectrum: 'instr.spectrum', jacobians: 'instr.jacobian',
  saturation: 'instr.gates', clip: 'instr.clip', memory: 'instr.memory', params: 'card.params', samples: 'samples.title',
};

function useFlash(): [string | null, (msg: string) => void] {
  const [msg, setMsg] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  return [msg, (m: string) => {
    setMsg(m);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMsg(null), 4000);
  }];
}

export function CopyLinkButton() {
  const t = useT();
  const [flash, setFlash] = useFlash();
  const [copied, setCopied] = useState('');
  const [failed, setFailed] = useState(false);
  const onClick = async () => {
    const link = currentLink();
    setCopied(link);
    const ok = await copyText(link);
    setFailed(!ok);
    if (ok) setFlash(t('share.copied'));
  };
  return (
    <span className="share-copy">
      <button type="button" className="btn btn-ghost" data-testid="copy-link" title={t('share.copy.help')} onClick={onClick}>
        {t('share.copy')}
      </button>
      <span className="share-status" role="status" aria-live="polite" data-testid="copy-link-status" data-link={copied}>
        {flash ? `✓ ${flash}` : ''}
      </span>
      {failed && (
        <span className="share-fallback" data-testid="copy-link-fallback">
          {t('share.copyFailed')}{' '}
          <input readOnly value={copied} aria-label={t('share.copy')} onFocus={(e) => e.currentTarget.select()} autoFocus />
        </span>
      )}
    </span>
  );
}

export function EmbedButton() {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [widget, setWidget] = useState<EmbedWidget | ''>('');
  const [flash, setFlash] = useFlash();
  const page = useApp((s) => s.ui.page);
  // Compare's views overlay several runs: it embeds as a whole page.
  const widgetsOffered = page !== 'compare' && page !== 'gallery' && page !== 'whatif' && page !== 'cells';
  const config = useApp((st) => st.config);
  const ui = useApp((st) => st.ui);
  const s = open ? urlStateOf({ config, ui } as Parameters<typeof urlStateOf>[0]) : null;
  const chosen = widgetsOffered ? widget : '';
  const src = s ? linkOf({ ...s, ui: { ...s.ui, embed: true, widget: chosen } }) : '';
  const height = chosen ? EMBED_FALLBACK_HEIGHT.widget : EMBED_FALLBACK_HEIGHT.page;
  const snippet = s ? embedSnippet(src, `${t('app.name')}${chosen ? ` — ${t(WIDGET_LABEL[chosen])}` : ''}`, height) : '';
  return (
    <span className="share-embed">
      <button type="button" className="btn btn-ghost" data-testid="embed-button" title={t('share.embed.help')} aria-expanded={open}
        onClick={() => setOpen((o) => !o)}>
        {t('share.embed')}
      </button>
      {open && (
        <div className="embed-dialog card" role="dialog" aria-label={t('share.embed.title')} data-testid="embed-dialog">
          <h2 className="card-title">{t('share.embed.title')}</h2>
          <p className="card-hint">{t('share.embed.hint', { height })}</p>
          {widgetsOffered && (
            <label className="embed-widget">
              {t('share.embed.show')}{' '}
              <select value={widget} data-testid="embed-widget" onChange={(e) => setWidget(e.target.value as EmbedWidget | '')}>
                <option value="">{t('share.embed.whole')}</option>
                {EMBED_WIDGETS.map((w) => <option key={w} value={w}>{t(WIDGET_LABEL[w])}</option>)}
              </select>
            </label>
          )}
          <textarea readOnly className="embed-snippet" data-testid="embed-snippet" value={snippet} rows={6} aria-label={t('share.embed.title')}
            onFocus={(e) => e.currentTarget.select()} />
          <div className="embed-actions">
            <button type="button" className="btn" data-testid="embed-copy" onClick={async () => { if (await copyText(snippet)) setFlash(t('share.embed.copied')); }}>
              {t('share.embed.copy')}
            </button>
            <span role="status" aria-live="polite" className="share-status">{flash ? `✓ ${flash}` : ''}</span>
            <button type="button" className="btn btn-ghost" onClick={() => setOpen(false)}>{t('share.embed.close')}</button>
          </div>
        </div>
      )}
    </span>
  );
}

export function ShareButtons() {
  return (
    <span className="share-buttons" data-testid="share-buttons">
      <CopyLinkButton />
      <EmbedButton />
    </span>
  );
}
