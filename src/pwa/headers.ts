// Reads public/_headers (Netlify / Cloudflare Pages format: a path line, then indented
// "Name: value" lines) so the build's <meta> CSP and the e2e server send the very same policy
// as the host. Pure: the caller reads the file.

export type HeaderRules = { path: string; headers: Record<string, string> }[];

export function parseHeaders(text: string): HeaderRules {
  const rules: HeaderRules = [];
  for (const raw of text.split(/\r?\n/)) {
    if (!raw.trim() || raw.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(raw)) {
      rules.push({ path: raw.trim(), headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    const colon = raw.indexOf(':');
    if (!rule || colon < 0) throw new Error(`_headers: "${raw.trim()}" is not "Name: value" under a path`);
    rule.headers[raw.slice(0, colon).trim()] = raw.slice(colon + 1).trim();
  }
  return rules;
}

/** The headers for one request path: every rule whose pattern matches (`*` = any characters). */
export function headersFor(rules: HeaderRules, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rules) {
    const re = new RegExp(`^${r.path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    if (re.test(path)) Object.assign(out, r.headers);
  }
  return out;
}

// A <meta> policy may not carry these (the browser ignores them there and says so in the console).
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'report-to', 'sandbox']);

/** The CSP as a <meta http-equiv> may hold it: the header's policy less its header-only directives. */
export function metaPolicy(csp: string): string {
  return csp
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !HEADER_ONLY.has(d.split(/\s+/)[0]))
    .join('; ');
}
