// "Your own model": the five lines of Python that save any torch.nn.RNN / LSTM / GRU as the JSON
// file the Load button reads, with a copy button that says when the code is on the clipboard.
import { useRef, useState } from 'react';
import { OWN_MODEL_SNIPPET } from '../engine/own-model-snippet';
import { useT } from './hooks';
import { RichText } from './RichText';

/** The clipboard API where the page may use it, else the selection and the old copy command. */
async function copyText(text: string, pre: HTMLElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Refused (no permission, an insecure origin): fall back to the selection below.
  }
  if (!pre) return false;
  const range = document.createRange();
  range.selectNodeContents(pre);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

export function OwnModelSnippet() {
  const t = useT();
  const pre = useRef<HTMLPreElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const copy = async () => {
    const ok = await copyText(OWN_MODEL_SNIPPET, pre.current);
    setState(ok ? 'copied' : 'failed');
    if (timer.current) clearTimeout(timer.current);
    if (ok) timer.current = setTimeout(() => setState('idle'), 4000);
  };

  return (
    <details className="own-model" data-testid="own-model">
      <summary>{t('own.title')}</summary>
      <p className="control-help"><RichText text={t('own.help')} /></p>
      <div className="own-model-code">
        <pre ref={pre} data-testid="own-model-snippet" lang="en" tabIndex={0} role="region" aria-label={t('own.codeLabel')}><code>{OWN_MODEL_SNIPPET}</code></pre>
        <button type="button" className="btn btn-ghost" data-testid="own-model-copy" onClick={() => void copy()}>
          {t('own.copy')}
        </button>
      </div>
      <p className="control-help" role="status" aria-live="polite">
        {state === 'copied' && <span data-testid="own-model-copied">✓ {t('own.copied')}</span>}
        {state === 'failed' && <span data-testid="own-model-copy-failed">{t('own.copyFailed')}</span>}
      </p>
    </details>
  );
}
