import vocabulary from '../../data/lexicons/readable-text.json';
import { ts } from '../ts';
import type { FileModel } from '../model/file-model';
import { isFunctionLike, propertyName, unwrap } from '../model/syntax';
import { importedSenderArguments, sentExpressions } from '../model/text-senders';

/**
 * Locale dictionaries: the objects an app keeps its texts in, to be picked by language or key later
 * (`texts[lang].askPin`, `t('askPin')`, `messages.nl.welcome`). Which key is sent where is often decided in
 * another module or at run time, so every string of a dictionary counts as a text people read.
 */
const TAGS: ReadonlySet<string> = new Set(vocabulary.languageTags);
const WEAK_TAGS: ReadonlySet<string> = new Set(vocabulary.weakLanguageTags);
const NON_PROSE: ReadonlySet<string> = new Set(vocabulary.nonProseKeys);
const PATH_WORDS: ReadonlySet<string> = new Set(vocabulary.localePathWords);
const MAX_DEPTH = 6;

/** `nl`, `en-GB`, `nl_NL`. */
function languageTag(key: string): string | undefined {
  const m = /^([a-z]{2})(?:[-_][A-Za-z]{2})?$/.exec(key);
  return m && TAGS.has(m[1]!) ? m[1] : undefined;
}

/** A folder or file name of the path says it holds texts (`locales/nl.js`, `src/i18n/index.ts`, `texts.ts`, `en-GB.ts`). */
export function isLocalePath(path: string): boolean {
  const parts = path.toLowerCase().split('/');
  const file = parts.pop() ?? '';
  const stem = file.replace(/\.[^.]*$/, '').replace(/\.(d|module)$/, '');
  if (languageTag(stem) && !WEAK_TAGS.has(stem)) return true;
  return PATH_WORDS.has(stem) || parts.slice(-3).some((p) => PATH_WORDS.has(p));
}

/** Folders that hold locale files of i18n libraries (i18next `locales/`, vue-i18n `lang/`, `i18n/`, `translations/`). */
const LOCALE_FOLDERS: ReadonlySet<string> = new Set(['locale', 'locales', 'i18n', 'l10n', 'lang', 'langs', 'languages', 'translation', 'translations']);

/** A JSON file of texts: under a locale folder, or named after a language (`nl.json`, `en-GB.json`) there. */
export function isLocaleJsonPath(path: string): boolean {
  const lower = path.toLowerCase();
  if (!lower.endsWith('.json') || lower.includes('/node_modules/')) return false;
  const parts = lower.split('/');
  parts.pop();
  return parts.slice(-3).some((p) => LOCALE_FOLDERS.has(p));
}

/** Keys whose values are identifiers, not words (rules/data/lexicons/readable-text.json nonProseKeys). */
export function isNonProseKey(key: string): boolean {
  return NON_PROSE.has(key);
}

/** An object keyed by two languages or more, whose entries hold texts (objects, strings or lists of them). */
function isKeyedByLanguage(obj: ts.ObjectLiteralExpression): boolean {
  let tags = 0;
  let strong = false;
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) continue;
    const key = ts.isPropertyAssignment(p) ? propertyName(p.name) : p.name.text;
    const tag = key !== undefined ? languageTag(key) : undefined;
    if (!tag) continue;
    const v = ts.isPropertyAssignment(p) ? unwrap(p.initializer) : p.name;
    if (!ts.isObjectLiteralExpression(v) && !ts.isStringLiteralLike(v) && !ts.isTemplateExpression(v) && !ts.isIdentifier(v)) continue;
    tags++;
    strong ||= !WEAK_TAGS.has(tag);
  }
  return tags >= 2 && strong;
}

/** Not inside a function: a module's own constant, not an object a call builds (`res.json({ … })`). */
function atModuleLevel(node: ts.Node): boolean {
  for (let cur = node.parent; cur && !ts.isSourceFile(cur); cur = cur.parent) {
    if (isFunctionLike(cur) || ts.isCallExpression(cur) || ts.isClassLike(cur)) return false;
  }
  return true;
}

/**
 * The dictionaries of a file: objects keyed by language anywhere at module level, and in a module whose path
 * says it holds texts, every module-level object that is not inside another (those are reached from it).
 * `resolve` follows a language entry that names another constant (`{ nl, en }`, `{ nl: NL }`).
 */
export function localeDictionaries(model: FileModel, objects: readonly ts.ObjectLiteralExpression[]): ts.ObjectLiteralExpression[] {
  const localeFile = isLocalePath(model.path);
  const out: ts.ObjectLiteralExpression[] = [];
  for (const obj of objects) {
    if (!atModuleLevel(obj)) continue;
    if (isKeyedByLanguage(obj)) {
      out.push(obj);
      for (const p of obj.properties) {
        // `{ nl: NL, en: EN }`: the per-language objects are declared apart
        if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) continue;
        const target = model.values.objectLiteral(ts.isPropertyAssignment(p) ? p.initializer : p.name);
        if (target && target !== unwrap(ts.isPropertyAssignment(p) ? p.initializer : p.name)) out.push(target);
      }
    } else if (localeFile && !insideObject(obj)) out.push(obj);
  }
  // objects the file sends members of (`say(TEXT.reserve)`): the other members are texts too, sent elsewhere or later
  for (const e of [...sentExpressions(model), ...importedSenderArguments(model)]) {
    const obj = memberOwner(model, e);
    if (obj && atModuleLevel(obj) && !out.includes(obj)) out.push(obj);
  }
  // objects other modules send members of (`texts.reserve` handed to a send there): dictionaries too
  for (const name of model.hints.sentByImporters ?? []) {
    for (const [exportName, expr] of model.exportedValues) {
      const obj = exportName === name ? model.values.objectLiteral(expr) : undefined;
      if (obj && !out.includes(obj)) out.push(obj);
    }
  }
  return out;
}

/** `TEXT` of `TEXT.failed` / `TEXT['failed']` / `TEXT.nl.failed`, when it names an object literal of the file. */
function memberOwner(model: FileModel, expr: ts.Expression): ts.ObjectLiteralExpression | undefined {
  let e = unwrap(expr);
  if (!ts.isPropertyAccessExpression(e) && !ts.isElementAccessExpression(e)) return undefined;
  while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) e = unwrap(e.expression);
  return ts.isIdentifier(e) ? model.values.objectLiteral(e) : undefined;
}

function insideObject(obj: ts.Node): boolean {
  for (let cur = obj.parent; cur && !ts.isSourceFile(cur); cur = cur.parent) if (ts.isObjectLiteralExpression(cur)) return true;
  return false;
}

/** The text-holding expressions of a dictionary: its string values, nested objects' and lists', and arrow bodies. */
export function dictionaryEntries(obj: ts.ObjectLiteralExpression): ts.Expression[] {
  const out: ts.Expression[] = [];
  collectEntries(obj, out, 0);
  return out;
}

function collectEntries(expr: ts.Expression, out: ts.Expression[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  const e = unwrap(expr);
  if (ts.isObjectLiteralExpression(e)) {
    for (const p of e.properties) {
      if (!ts.isPropertyAssignment(p)) continue;
      const key = propertyName(p.name);
      if (key !== undefined && NON_PROSE.has(key)) continue;
      collectEntries(p.initializer, out, depth + 1);
    }
  } else if (ts.isArrayLiteralExpression(e)) {
    for (const el of e.elements) if (!ts.isSpreadElement(el) && !ts.isOmittedExpression(el)) collectEntries(el, out, depth + 1);
  } else if ((ts.isArrowFunction(e) || ts.isFunctionExpression(e)) && !ts.isBlock(e.body)) {
    // `askCard: (name) => \`Hi ${name}, …\``: the template is the text
    collectEntries(e.body as ts.Expression, out, depth + 1);
  } else if (ts.isArrowFunction(e) || ts.isFunctionExpression(e)) {
    for (const st of (e.body as ts.Block).statements) if (ts.isReturnStatement(st) && st.expression) collectEntries(st.expression, out, depth + 1);
  } else if (ts.isStringLiteralLike(e) || ts.isTemplateExpression(e) || (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken)) {
    out.push(e);
  } else if (ts.isConditionalExpression(e)) {
    collectEntries(e.whenTrue, out, depth + 1);
    collectEntries(e.whenFalse, out, depth + 1);
  }
}
