import { de } from './de';
import { en } from './en';
import { nl } from './nl';

const dictionaries = { nl, en, de } as const;
export type Locale = keyof typeof dictionaries;
export type TextKey = keyof typeof nl;

export function t(locale: string | undefined, key: TextKey, vars: Record<string, string | number> = {}): string {
  const dict = dictionaries[(locale?.slice(0, 2) as Locale) ?? 'nl'] ?? nl;
  return dict[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}
