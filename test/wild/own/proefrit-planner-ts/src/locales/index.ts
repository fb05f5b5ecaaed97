import { nl } from './nl';
import { en } from './en';

export type TextKey = keyof typeof nl;
const catalogs: Record<string, Record<TextKey, string>> = { nl, en };

export function text(locale: string | undefined, key: TextKey, vars: Record<string, string> = {}): string {
  const catalog = catalogs[(locale ?? 'nl').slice(0, 2)] ?? nl;
  return catalog[key].replace(/\{(\w+)\}/g, (_, k) => vars[k] ?? '');
}
