import { ts } from '../ts';
import { channelTexts, importedSenderTexts } from '../lexicon/channel-texts';
import type { FileModel } from './file-model';
import { objectProperty, unwrap } from './syntax';
import type { Callable } from './tracking/syntax-index';

/**
 * Which parameters of the file's functions are sent as a message text: `text` of
 * `function reply(conversation, text) { return conversation.say({ text }) }`, of
 * `sendTelegram(chatId, text)` around another channel's send, and of wrappers around those. Exported ones
 * become facts, so the modules that call them read their arguments as texts people read (hints).
 */
const MAX_HOPS = 3;

export function exportedTextSenders(model: FileModel): Record<string, number[]> | undefined {
  if (!model.exportedValues.length) return undefined;
  const params = textParameters(model);
  if (!params.size) return undefined;
  const out: Record<string, number[]> = {};
  for (const [name, expr] of model.exportedValues) {
    for (const v of model.tracker.valuesOf(expr)) {
      const positions = v.kind === 'function' ? params.get(v.fn) : undefined;
      if (positions) out[name] = [...new Set([...(out[name] ?? []), ...positions])].sort();
    }
  }
  return Object.keys(out).length ? out : undefined;
}

/** Parameter positions by function, found from the sends back through the file's calls (a few hops). */
function textParameters(model: FileModel): Map<Callable, Set<number>> {
  const out = new Map<Callable, Set<number>>();
  let frontier = sentExpressions(model);
  for (let hop = 0; hop <= MAX_HOPS && frontier.length; hop++) {
    const next: ts.Expression[] = [];
    for (const e of frontier) {
      const id = unwrap(e);
      if (!ts.isIdentifier(id)) continue;
      const d = model.tracker.declarationOf(id);
      if (!d || !ts.isParameter(d)) continue;
      const fn = d.parent as Callable;
      const index = fn.parameters.indexOf(d);
      const known = out.get(fn) ?? new Set<number>();
      if (known.has(index)) continue;
      known.add(index);
      out.set(fn, known);
      // a wrapper of this function hands its own parameter on
      for (const site of model.tracker.callSitesOf(fn)) {
        const arg = site.arguments?.[index];
        if (arg) next.push(arg);
      }
    }
    frontier = next;
  }
  return out;
}

/**
 * Objects imported from the app's own modules whose members this file sends as texts
 * (`sendSms(phone, texts.reserve)` with `texts` from `../lib/sms`): the exporting module holds a dictionary.
 */
export function sentImportedObjects(model: FileModel, sent: readonly ts.Expression[] = [...sentExpressions(model), ...importedSenderArguments(model)]): { spec: string; name: string }[] {
  const out: { spec: string; name: string }[] = [];
  for (const e of sent) {
    let root = unwrap(e);
    if (!ts.isPropertyAccessExpression(root) && !ts.isElementAccessExpression(root)) continue;
    while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = unwrap(root.expression);
    if (!ts.isIdentifier(root)) continue;
    const imp = model.imports.find((i) => i.spec.startsWith('.') && i.names.includes((root as ts.Identifier).text));
    if (!imp) continue;
    const name = model.sdk.importedFunctions.get(root.text)?.exportName ?? root.text;
    if (!out.some((o) => o.spec === imp.spec && o.name === name)) out.push({ spec: imp.spec, name });
  }
  return out;
}

/** Arguments of the app's own senders in other modules, at the positions the hints name. */
export function importedSenderArguments(model: FileModel): ts.Expression[] {
  return importedSenderTexts(model).map((s) => s.text);
}

/** What the file's sends carry as words: the message (or its `text`), and other channels' texts. */
export function sentExpressions(model: FileModel): ts.Expression[] {
  const out: ts.Expression[] = [];
  for (const c of model.sdk.calls) {
    if (c.kind !== 'send' || !c.message) continue;
    out.push(c.message);
    const obj = model.values.objectLiteral(c.message);
    const text = obj ? objectProperty(obj, 'text') : undefined;
    if (text) out.push(text);
  }
  for (const t of channelTexts(model)) out.push(t.text);
  for (const h of model.http.calls) {
    // a REST post of a message object built from a parameter: `{ text, role: 'agent' }`
    const obj = h.body ? model.values.objectLiteral(h.body) : undefined;
    const text = obj ? objectProperty(obj, 'text') : undefined;
    if (text) out.push(text);
  }
  return out;
}
