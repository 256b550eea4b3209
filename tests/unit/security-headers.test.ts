// public/_headers is the one place the site's security headers are written; the build's <meta>
// CSP and the e2e server are derived from it (src/pwa/headers.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { headersFor, metaPolicy, parseHeaders } from '../../src/pwa/headers';

const rules = parseHeaders(readFileSync(new URL('../../public/_headers', import.meta.url), 'utf8'));
const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));

describe('security headers', () => {
  it('every page gets the CSP and the other headers', () => {
    for (const path of ['/', '/index.html', '/assets/x.js', '/sw.js']) {
      const h = headersFor(rules, path);
      expect(Object.keys(h).sort()).toEqual(['Content-Security-Policy', 'Cross-Origin-Opener-Policy', 'Permissions-Policy', 'Referrer-Policy', 'X-Content-Type-Options']);
    }
  });

  it('embedding stays open: no frame-ancestors (even * refuses a local file or an opaque host page)', () => {
    expect(directives(headersFor(rules, '/')['Content-Security-Policy']).has('frame-ancestors')).toBe(false);
    expect(headersFor(rules, '/')).not.toHaveProperty('X-Frame-Options');
  });

  it('scripts: own files and wasm only, never inline or eval', () => {
    const d = directives(headersFor(rules, '/')['Content-Security-Policy']);
    expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(d.get('worker-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('default-src')).toEqual(["'self'"]);
  });

  it('the <meta> copy drops what a meta tag cannot carry and keeps the rest', () => {
    const csp = headersFor(rules, '/')['Content-Security-Policy'];
    const meta = directives(metaPolicy(csp));
    const full = directives(csp);
    expect(meta).toEqual(full);
    expect(directives(metaPolicy(`${csp}; frame-ancestors 'self'`))).toEqual(full);
  });

  it('parses paths, comments and wildcards', () => {
    const r = parseHeaders('# c\n/*\n  A: 1\n/assets/*\n  B: 2\n  A: 3\n');
    expect(headersFor(r, '/x')).toEqual({ A: '1' });
    expect(headersFor(r, '/assets/y.js')).toEqual({ A: '3', B: '2' });
    expect(() => parseHeaders('  A: 1')).toThrow(/under a path/);
  });
});
