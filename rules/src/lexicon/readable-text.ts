import { ts } from '../ts';
import { classifyMessage, readByConsumer, type Audience } from '../model/audience';
import type { FileModel } from '../model/file-model';
import { effectiveUrl } from '../model/http';
import { hostOf, isApiHost } from '../model/hosts';
import { calleeName, isFunctionLike, ITERATING_METHODS, objectProperty, propertyName, unwrap } from '../model/syntax';
import { channelTexts, importedSenderTexts } from './channel-texts';
import { dictionaryEntries, localeDictionaries } from './locale-dictionaries';
import { arrayItems } from './text-builders';

/**
 * The strings of a file that people read: texts of messages the app sends (say/ask/send, business-initiated
 * conversations, REST posts), quick replies and buttons, card items, forms and form fields, and message-shaped
 * object literals wherever they are built. Shared by the text rules (C.2/C.3, D.2, D.6, F.2).
 */
export type TextPart = 'message' | 'action' | 'item' | 'form' | 'field' | 'link';

export interface ReadableText {
  /** The literal (or template, or concatenation) holding the words: findings go here. */
  node: ts.Expression;
  /** Its static text; unknown parts are HOLE characters. */
  text: string;
  part: TextPart;
  /** A form field's `key`/`name`: an identifier, not prose. */
  isFieldKey?: boolean;
  audience: Audience;
  /** A consumer reads it (audience consumer, or unknown inside a contact-event handler). */
  consumer: boolean;
  /** The SDK or REST method that sends it: say, ask, send, create, POST … */
  method?: string;
  call?: ts.CallExpression;
  /** The message object the text belongs to. */
  message?: ts.ObjectLiteralExpression;
}

interface SendContext {
  audience: Audience;
  consumer: boolean;
  method?: string;
  call?: ts.CallExpression;
}

const PROSE_KEYS = ['text', 'title', 'subtitle', 'description', 'label', 'placeholder'];
const LINK_KEYS = ['payload', 'uri', 'url', 'href'];
const MESSAGE_TYPES = new Set(['chat', 'card', 'form', 'field', 'postback', 'reply', 'mention', 'command', 'list', 'carousel', 'article', 'search']);
const ACTION_TYPES = new Set(['reply', 'postback', 'link', 'phone', 'email', 'webview', 'share', 'location', 'buy']);
const CONSUMER_TOUCHPOINTS = /^(sms|whatsapp|email|web|messenger|facebook|instagram|telegram|apple|rcs)/i;
/** String methods that keep the words of the string they are called on (`text.trim()`, `msg.concat('…')`). */
const WORD_KEEPING_METHODS: ReadonlySet<string> = new Set(['trim', 'trimStart', 'trimEnd', 'replace', 'replaceAll', 'concat', 'normalize', 'padEnd', 'padStart']);
const NO_BINDINGS = new Map<ts.Node, ts.Expression>();
/** A text sent to a person over another channel (SMS, WhatsApp, Telegram, e-mail): the consumer reads it. */
const CHANNEL_CONTEXT = { audience: 'consumer', consumer: true, method: 'send' } as const;
/** A dictionary's text: the key that picks it is decided elsewhere, so who reads it is not known here. */
const DICTIONARY_CONTEXT = { audience: 'unknown', consumer: false } as const;

/** A message object literal the app sends (through an SDK call or a REST post), with the sending call. */
export interface SentMessage {
  message: ts.ObjectLiteralExpression;
  call: ts.CallExpression;
  method: string;
}

/** Values followed per name or call: a helper called from a hundred places is read a hundred times at most. */
const MAX_CANDIDATES = 100;

interface Collected { texts: ReadableText[]; sent: SentMessage[] }
const cache = new WeakMap<FileModel, Collected>();

function collected(model: FileModel): Collected {
  let c = cache.get(model);
  if (!c) {
    c = new Collector(model).collect();
    cache.set(model, c);
  }
  return c;
}

/**
 * Every readable text of the file, computed once per file. Message-shaped object literals outside send
 * calls are only found when a rule listens to ObjectLiteralExpression (so the model collects them).
 */
export function readableTexts(model: FileModel): ReadableText[] {
  return collected(model).texts;
}

/** Message objects the file sends (commands included), resolved through constants and arrays. */
export function sentMessages(model: FileModel): SentMessage[] {
  return collected(model).sent;
}

class Collector {
  private readonly out: ReadableText[] = [];
  private readonly sent: SentMessage[] = [];
  /** The message objects of `sent`: a big file sends thousands, too many to search the list for each. */
  private readonly sentObjects = new Set<ts.ObjectLiteralExpression>();
  private readonly seenObjects = new Set<ts.Node>();
  /** `strings()` of an expression, asked once by the loose-object check and again for the message. */
  private readonly stringsOf = new Map<ts.Expression, { node: ts.Expression; text: string }[]>();
  /** Texts pushed, by part: one node is one range (strings() returns no wrappers), so the node stands for its range. */
  private readonly seenTexts = new Map<TextPart, Set<ts.Node>>();

  constructor(private readonly model: FileModel) {}

  collect(): Collected {
    const { model } = this;
    for (const c of model.sdk.calls) {
      if (c.kind === 'send') {
        const m = classifyMessage(model, c);
        const extra = this.extraOptions(c.call, c.method);
        const extraConsumer = extra ? this.objectSaysConsumer(extra) : false;
        const ctx: SendContext = { audience: extraConsumer ? 'consumer' : m.audience, consumer: readByConsumer(m) || extraConsumer, method: c.method, call: c.call };
        for (const item of this.messageItems(c.message)) this.message(item, ctx);
      } else if (c.kind === 'resource') {
        const arg = c.call.arguments.find((a) => model.values.objectLiteral(a));
        const obj = arg ? model.values.objectLiteral(arg) : undefined;
        if (!obj) continue;
        if (c.resource === 'conversations' && (c.method === 'create' || c.method === 'update')) {
          const contact = model.values.propertyString(obj, 'type')?.text === 'contact';
          const ctx: SendContext = { audience: contact ? 'consumer' : 'unknown', consumer: contact, method: c.method, call: c.call };
          const msgs = objectProperty(obj, 'messages');
          for (const item of this.messageItems(msgs)) this.message(item, ctx);
        } else if (c.resource === 'messages' && c.method === 'create') {
          this.message(obj, { audience: 'unknown', consumer: false, method: c.method, call: c.call });
        } else if (c.resource === 'forms' && (c.method === 'create' || c.method === 'update' || c.method === 'replace')) {
          this.form(obj, { audience: 'unknown', consumer: false, method: c.method, call: c.call });
        }
      }
    }
    for (const h of model.http.calls) {
      const url = effectiveUrl(h);
      const host = url ? hostOf(url) : undefined;
      if (!h.body || !url || !host || h.method !== 'POST') continue;
      if (isApiHost(host) && /\/messages\b/.test(url)) this.message(h.body, { audience: 'unknown', consumer: false, method: 'POST', call: h.call });
    }
    for (const t of channelTexts(model)) this.message(t.text, { ...CHANNEL_CONTEXT, call: t.call });
    for (const t of importedSenderTexts(model)) this.message(t.text, { audience: 'unknown', consumer: false, method: 'send', call: t.call });
    const objects = model.nodes<ts.ObjectLiteralExpression>(ts.SyntaxKind.ObjectLiteralExpression);
    for (const obj of objects) this.looseObject(obj);
    for (const dict of localeDictionaries(model, objects)) {
      for (const entry of dictionaryEntries(dict)) for (const s of this.strings(entry)) this.push(s.node, s.text, 'message', DICTIONARY_CONTEXT);
    }
    return { texts: this.out, sent: this.sent };
  }

  /** `say(msg, { role: 'agent' })`, `bot.send(conv, msg, { touchpoint: 'sms' })`: options merged into the message. */
  private extraOptions(call: ts.CallExpression, method: string): ts.ObjectLiteralExpression | undefined {
    const index = method === 'say' || method === 'ask' ? 1 : 2;
    return this.model.values.objectLiteral(call.arguments[index]);
  }

  private objectSaysConsumer(obj: ts.ObjectLiteralExpression): boolean {
    const role = this.model.values.propertyString(obj, 'role')?.text;
    const touchpoint = this.model.values.propertyString(obj, 'touchpoint')?.text;
    return role === 'agent' || (!!touchpoint && CONSUMER_TOUCHPOINTS.test(touchpoint));
  }

  /** The messages an argument stands for: array items (through constants and loop variables) or itself. */
  private messageItems(expr: ts.Expression | undefined): ts.Expression[] {
    if (!expr) return [];
    const arr = this.model.values.arrayLiteral(expr);
    if (arr) return arr.elements.filter((e): e is ts.Expression => !ts.isSpreadElement(e) && !ts.isOmittedExpression(e));
    const e = unwrap(expr);
    if (ts.isIdentifier(e)) {
      const looped = loopElements(this.model, e);
      if (looped) return looped;
    }
    return [expr];
  }

  private message(expr: ts.Expression, ctx: SendContext): void {
    const e = unwrap(expr);
    if (ts.isConditionalExpression(e)) {
      this.message(e.whenTrue, ctx);
      this.message(e.whenFalse, ctx);
      return;
    }
    const obj = this.model.values.objectLiteral(e);
    if (!obj) {
      for (const s of this.strings(e)) this.push(s.node, s.text, 'message', ctx);
      return;
    }
    if (ctx.call && ctx.method && !this.sentObjects.has(obj)) {
      this.sentObjects.add(obj);
      this.sent.push({ message: obj, call: ctx.call, method: ctx.method });
    }
    if (this.seenObjects.has(obj)) return;
    this.seenObjects.add(obj);
    const type = this.model.values.propertyString(obj, 'type')?.text;
    if (type === 'command' || type === 'mention') return;
    const backchannel = objectProperty(obj, 'isBackchannel')?.kind === ts.SyntaxKind.TrueKeyword;
    const own = this.objectSaysConsumer(obj);
    const itemCtx: SendContext = backchannel ? { ...ctx, audience: 'internal', consumer: false } : own ? { ...ctx, audience: 'consumer', consumer: true } : ctx;
    if (type === 'form') {
      this.form(obj, itemCtx);
      return;
    }
    const part: TextPart = type === 'field' ? 'field' : 'message';
    this.prose(obj, part, itemCtx);
    this.actions(obj, itemCtx);
    for (const item of this.arrayObjects(objectProperty(obj, 'items'))) {
      this.seenObjects.add(item);
      this.prose(item, 'item', itemCtx, obj);
      this.actions(item, itemCtx);
    }
    for (const f of this.arrayObjects(objectProperty(obj, 'fields'))) this.field(f, itemCtx);
  }

  private prose(obj: ts.ObjectLiteralExpression, part: TextPart, ctx: SendContext, message = obj): void {
    for (const key of PROSE_KEYS) {
      const v = objectProperty(obj, key);
      if (v) for (const s of this.strings(v)) this.push(s.node, s.text, part, ctx, message);
    }
  }

  private actions(obj: ts.ObjectLiteralExpression, ctx: SendContext): void {
    for (const a of this.arrayObjects(objectProperty(obj, 'actions'))) {
      this.seenObjects.add(a);
      this.prose(a, 'action', ctx, obj);
      for (const key of LINK_KEYS) {
        const v = objectProperty(a, key);
        if (v) for (const s of this.strings(v)) this.push(s.node, s.text, 'link', ctx, obj);
      }
    }
  }

  private form(obj: ts.ObjectLiteralExpression, ctx: SendContext): void {
    this.seenObjects.add(obj);
    for (const key of ['name', ...PROSE_KEYS]) {
      const v = objectProperty(obj, key);
      if (v) for (const s of this.strings(v)) this.push(s.node, s.text, 'form', ctx, obj);
    }
    for (const f of this.arrayObjects(objectProperty(obj, 'fields'))) this.field(f, ctx);
  }

  private field(obj: ts.ObjectLiteralExpression, ctx: SendContext): void {
    this.seenObjects.add(obj);
    this.prose(obj, 'field', ctx);
    for (const key of ['name', 'key']) {
      const v = objectProperty(obj, key);
      if (!v) continue;
      for (const s of this.strings(v)) this.push(s.node, s.text, 'field', ctx, obj, key === 'key' || /^[A-Za-z_$][\w$]*$/.test(s.text));
    }
  }

  /** Object literals nobody sends in this file but that are shaped like messages, actions, forms or fields. */
  private looseObject(obj: ts.ObjectLiteralExpression): void {
    if (this.seenObjects.has(obj)) return;
    const { values } = this.model;
    // one pass for both properties (the last of a name wins, as in objectProperty): this runs on every object literal
    let typeValue: ts.Expression | undefined;
    let text: ts.Expression | undefined;
    for (const p of obj.properties) {
      const value = ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : undefined;
      if (!value) continue;
      const key = ts.isPropertyAssignment(p) ? propertyName(p.name) : (p as ts.ShorthandPropertyAssignment).name.text;
      if (key === 'type') typeValue = value;
      else if (key === 'text') text = value;
    }
    const type = values.string(typeValue)?.text;
    // only declared forms: a `{ name, fields }` object may as well be a database schema
    if (type === 'form') {
      this.form(obj, this.ownContext(obj));
      return;
    }
    if (type === 'field') {
      this.field(obj, this.ownContext(obj));
      return;
    }
    if (!text || !this.strings(text).length) return;
    const names = new Set(values.propertyNames(obj));
    if (type && ACTION_TYPES.has(type) && !names.has('role')) {
      this.seenObjects.add(obj);
      this.prose(obj, 'action', this.ownContext(obj));
      return;
    }
    const shaped = names.has('role') || names.has('actions') || names.has('touchpoint') || names.has('isBackchannel') || names.has('delay') || names.has('items') || (!!type && MESSAGE_TYPES.has(type));
    if (shaped) this.message(obj, this.ownContext(obj));
  }

  private ownContext(node: ts.Node): SendContext {
    const consumer = inContactHandler(this.model, node);
    return { audience: 'unknown', consumer };
  }

  private arrayObjects(expr: ts.Expression | undefined): ts.ObjectLiteralExpression[] {
    const arr = this.model.values.arrayLiteral(expr);
    if (!arr) return [];
    const out: ts.ObjectLiteralExpression[] = [];
    for (const el of arr.elements) {
      if (ts.isSpreadElement(el) || ts.isOmittedExpression(el)) continue;
      const o = this.model.values.objectLiteral(el);
      if (o) out.push(o);
    }
    return out;
  }

  /** The literal strings an expression can stand for, each with the node that holds it. */
  private strings(expr: ts.Expression): { node: ts.Expression; text: string }[] {
    let found = this.stringsOf.get(expr);
    if (!found) this.stringsOf.set(expr, (found = this.stringsWithin(expr, 0)));
    return found;
  }

  private stringsWithin(expr: ts.Expression, depth: number): { node: ts.Expression; text: string }[] {
    if (depth > 8) return [];
    const e = unwrap(expr);
    if (ts.isConditionalExpression(e)) return [...this.stringsWithin(e.whenTrue, depth + 1), ...this.stringsWithin(e.whenFalse, depth + 1)];
    if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.BarBarToken || e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
      return [...this.stringsWithin(e.left, depth + 1), ...this.stringsWithin(e.right, depth + 1)];
    }
    if (ts.isIdentifier(e)) {
      const looped = loopElements(this.model, e);
      if (looped) return looped.flatMap((x) => this.stringsWithin(x, depth + 1));
      // every value the name can hold: its initialiser and assignments, or a parameter's argument at each call
      // of the function (a `reply(conversation, text)` helper sends the words written where it is called)
      const candidates = this.model.tracker.candidates(e, NO_BINDINGS);
      if (candidates) return candidates.slice(0, MAX_CANDIDATES).flatMap((c) => this.stringsWithin(c, depth + 1));
      const init = this.model.values.initializerOf(e.text);
      return init ? this.stringsWithin(init, depth + 1) : [];
    }
    if (ts.isCallExpression(e)) return this.callStrings(e, depth);
    if (ts.isPropertyAccessExpression(e)) {
      const target = unwrap(e.expression);
      if (ts.isIdentifier(target)) {
        const looped = loopElements(this.model, target);
        if (looped) {
          return looped.flatMap((x) => {
            const o = this.model.values.objectLiteral(x);
            const v = o ? objectProperty(o, e.name.text) : undefined;
            return v ? this.stringsWithin(v, depth + 1) : [];
          });
        }
      }
      const obj = this.model.values.objectLiteral(e.expression);
      const v = obj ? objectProperty(obj, e.name.text) : undefined;
      return v ? this.stringsWithin(v, depth + 1) : [];
    }
    if (ts.isStringLiteralLike(e) || ts.isTemplateExpression(e) || (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken)) {
      const s = this.model.values.string(e);
      return s ? [{ node: e, text: s.text }] : [];
    }
    return [];
  }

  /**
   * What a call gives as text: the items of `lines.join('\n')` (an array literal, or what is pushed onto it),
   * the string a string method keeps, or what a local function returns (`askFor('pincode')` of
   * ``const askFor = (what) => `Wat is je ${what}?` ``), read with its parameters bound to the call's arguments.
   */
  private callStrings(call: ts.CallExpression, depth: number): { node: ts.Expression; text: string }[] {
    const callee = unwrap(call.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const name = callee.name.text;
      if (name === 'join') return arrayItems(this.model, callee.expression).flatMap((x) => this.stringsWithin(x, depth + 1));
      if (WORD_KEEPING_METHODS.has(name)) return this.stringsWithin(callee.expression, depth + 1);
    }
    const out: { node: ts.Expression; text: string }[] = [];
    const { values, tracker } = this.model;
    for (const fn of tracker.calleesOf(call).slice(0, MAX_CANDIDATES)) {
      const bindings = new Map<ts.Node, ts.Expression>();
      fn.parameters.forEach((p, i) => {
        const arg = call.arguments[i];
        if (arg && !ts.isSpreadElement(arg)) bindings.set(p, arg);
      });
      for (const ret of tracker.returnExpressions(fn)) {
        const r = unwrap(ret);
        if (!ts.isStringLiteralLike(r) && !ts.isTemplateExpression(r) && !(ts.isBinaryExpression(r) && r.operatorToken.kind === ts.SyntaxKind.PlusToken)) {
          out.push(...this.stringsWithin(r, depth + 1));
          continue;
        }
        const bound = values.withBindings(bindings, () => values.string(r));
        if (!bound) continue;
        // the words come from this call's arguments too: the finding goes where this text is made
        const own = values.string(r);
        out.push({ node: own && own.text === bound.text ? r : call, text: bound.text });
      }
    }
    return out;
  }

  private push(node: ts.Expression, text: string, part: TextPart, ctx: SendContext, message?: ts.ObjectLiteralExpression, isFieldKey = false): void {
    let seen = this.seenTexts.get(part);
    if (!seen) this.seenTexts.set(part, (seen = new Set()));
    if (seen.has(node)) return;
    seen.add(node);
    this.out.push({ node, text, part, isFieldKey: isFieldKey || undefined, audience: ctx.audience, consumer: ctx.consumer, method: ctx.method, call: ctx.call, message });
  }
}

/** True when the node sits in a handler of contact messages (or an ask/onText callback). */
export function inContactHandler(model: FileModel, node: ts.Node): boolean {
  const h = model.sdk.handlerOf(node);
  return !!h && (h.via === 'ask' || h.via === 'onText' || h.via === 'registerCallback' || h.events.some((e) => /(^|\.)contact(\.|$)/.test(e) || e === 'message' || e.startsWith('message.*') || e === '**'));
}

/**
 * The array items a loop variable runs over: `for (const m of MSGS)` and `MSGS.forEach((m) => …)`
 * with MSGS an array literal (directly or through a constant); undefined otherwise.
 */
export function loopElements(model: FileModel, id: ts.Identifier): ts.Expression[] | undefined {
  let cur: ts.Node | undefined = id.parent;
  while (cur) {
    if (ts.isForOfStatement(cur) && ts.isVariableDeclarationList(cur.initializer)) {
      const decl = cur.initializer.declarations[0];
      if (decl && ts.isIdentifier(decl.name) && decl.name.text === id.text) return items(model.values.arrayLiteral(cur.expression));
    }
    if (isFunctionLike(cur)) {
      const idx = cur.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === id.text);
      if (idx >= 0) {
        const call = cur.parent;
        if (idx === 0 && call && ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && ITERATING_METHODS.has(calleeName(call) ?? '')) {
          return items(model.values.arrayLiteral(call.expression.expression));
        }
        return undefined;
      }
    }
    cur = cur.parent;
  }
  return undefined;
}

function items(arr: ts.ArrayLiteralExpression | undefined): ts.Expression[] | undefined {
  return arr?.elements.filter((e): e is ts.Expression => !ts.isSpreadElement(e) && !ts.isOmittedExpression(e));
}
