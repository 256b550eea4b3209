// Lookup with English fallback and {name} placeholders. Kept free of React so tests can use it.
import { en, type MessageKey } from './en';
import { zh } from './zh';
import { cellSummariesZh, gateLabelsZh, initPhrasesZh } from './cells-zh';
import type { Lang } from '../store/url';

export type { MessageKey } from './en';

const tables: Record<Lang, Partial<Record<MessageKey, string>>> = { en, zh };

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const s = tables[lang][key] ?? en[key];
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** A cell's summary or a gate's label in the current language, else the spec's English. */
export function cellSummary(lang: Lang, cellId: string, fallback: string): string {
  return (lang === 'zh' && cellSummariesZh[cellId]) || fallback;
}

/** A cell's own Chinese labels (CellSpec.zh.gateLabels) win over the shared table. */
export function gateLabel(lang: Lang, gateId: string, fallback: string, cellLabels?: Record<string, string>): string {
  if (lang !== 'zh') return fallback;
  // The same id can name different things in other cells; only translate the usual meaning.
  return cellLabels?.[gateId] ?? gateLabelsZh[gateId] ?? fallback;
}

export interface CellProse {
  id: string;
  name: string;
  summary: string;
  notes?: string;
  zh?: { name?: string; summary?: string; notes?: string; gateLabels?: Record<string, string> };
}

/** Name, summary and notes of a cell in the page's language, field by field falling back to English. */
export function cellText(lang: Lang, c: CellProse): { name: string; summary: string; notes?: string } {
  if (lang !== 'zh') return { name: c.name, summary: c.summary, notes: c.notes };
  return {
    name: c.zh?.name ?? c.name,
    summary: c.zh?.summary ?? cellSummariesZh[c.id] ?? c.summary,
    notes: c.zh?.notes ?? c.notes,
  };
}

/** A parameter's init description (ParamSpec.initLabel) in the page's language. */
export function initText(lang: Lang, label: string): string {
  if (lang !== 'zh') return label;
  return initPhrasesZh.reduce((s, [en, zh]) => s.split(en).join(zh), label);
}

export function missingKeys(lang: Lang): MessageKey[] {
  const table = tables[lang];
  return (Object.keys(en) as MessageKey[]).filter((k) => !table[k]);
}

/** Keys that look like translatable ids but are not in the table (e.g. a task id without a string). */
export function hasKey(key: string): key is MessageKey {
  return key in en;
}
