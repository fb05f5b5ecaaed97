// Texts in regression cases. Third-party code (the chipchat SDK's examples) is never copied into our
// repository: a case refers to it as `{"$package": "chipchat/examples/ask.js"}` (the whole file) or with
// `"slice": [start, end]` (UTF-16 offsets), resolved from node_modules at replay time. A list of specs is
// their concatenation; a plain string is literal text (ours, or typed by the fuzzer).
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { REPO } from '../server/lsp-client';

export type TextSpec = string | PackageText | TextSpec[];
export interface PackageText { $package: string; slice?: [number, number] }

const cache = new Map<string, string>();

/** The text of a file of an installed package (`chipchat/examples/ask.js`). */
export function packageText(ref: string): string {
  const rel = normalize(ref).replace(/\\/g, '/');
  if (rel.startsWith('..') || rel.startsWith('/')) throw new Error(`"$package": "${ref}" must name a file inside node_modules`);
  let text = cache.get(rel);
  if (text === undefined) {
    try {
      text = readFileSync(join(REPO, 'node_modules', rel), 'utf8');
    } catch (e) {
      throw new Error(`"$package": "${ref}" cannot be read from node_modules (${(e as Error).message}): is the package installed?`);
    }
    cache.set(rel, text);
  }
  return text;
}

export function resolveText(spec: TextSpec): string {
  if (typeof spec === 'string') return spec;
  if (Array.isArray(spec)) return spec.map(resolveText).join('');
  if (!spec || typeof spec.$package !== 'string') throw new Error(`not a text: ${JSON.stringify(spec).slice(0, 80)}`);
  const text = packageText(spec.$package);
  if (!spec.slice) return text;
  const [s, e] = spec.slice;
  if (!(Number.isInteger(s) && Number.isInteger(e) && 0 <= s && s <= e && e <= text.length)) throw new Error(`slice ${JSON.stringify(spec.slice)} is outside ${spec.$package} (${text.length} characters)`);
  return text.slice(s, e);
}

/** Runs shorter than this stay literal: a few shared characters (`const `, `});\n`) are not copied code. */
const MIN_RUN = 24;

/**
 * Writes `text` as references to the given package files wherever it repeats a run of at least
 * MIN_RUN characters of one of them, literal elsewhere.
 */
export class Dehydrator {
  private readonly grams = new Map<string, { ref: string; at: number }[]>();
  private readonly texts = new Map<string, string>();

  constructor(refs: readonly string[]) {
    for (const ref of refs) {
      const text = packageText(ref);
      this.texts.set(ref, text);
      for (let i = 0; i + MIN_RUN <= text.length; i++) {
        const g = text.slice(i, i + MIN_RUN);
        const list = this.grams.get(g);
        if (!list) this.grams.set(g, [{ ref, at: i }]);
        else if (list.length < 8) list.push({ ref, at: i });
      }
    }
  }

  dehydrate(text: string): TextSpec {
    const out: TextSpec[] = [];
    let literal = '';
    let i = 0;
    while (i < text.length) {
      const hits = i + MIN_RUN <= text.length ? this.grams.get(text.slice(i, i + MIN_RUN)) : undefined;
      if (!hits) {
        literal += text[i++];
        continue;
      }
      let best = { ref: '', at: 0, len: 0 };
      for (const h of hits) {
        const src = this.texts.get(h.ref)!;
        let len = MIN_RUN;
        while (i + len < text.length && h.at + len < src.length && text[i + len] === src[h.at + len]) len++;
        if (len > best.len) best = { ...h, len };
      }
      if (literal) out.push(literal);
      literal = '';
      const src = this.texts.get(best.ref)!;
      out.push(best.at === 0 && best.len === src.length ? { $package: best.ref } : { $package: best.ref, slice: [best.at, best.at + best.len] });
      i += best.len;
    }
    if (literal) out.push(literal);
    return out.length === 1 ? out[0]! : out.length === 0 ? '' : out;
  }
}
