import { ts } from '../ts';
import type { FileModel } from './file-model';
import type { SdkCall } from './sdk';
import { objectProperty, unwrap } from './syntax';

export type Audience = 'consumer' | 'internal' | 'unknown';

export interface MessageText {
  /** The node holding the text (a literal, template or the expression it resolves from). */
  node: ts.Expression;
  text: string;
}

export interface ClassifiedMessage {
  audience: Audience;
  /** True only when the message certainly reaches the consumer (role agent, touchpoint, contact conversation). */
  sureConsumer: boolean;
  /** Unknown audience inside a handler of contact events: text rules treat it as consumer-facing. */
  inContactHandler: boolean;
  texts: MessageText[];
  roles: string[];
  /** The object literals of the message(s), for rules that read other fields. */
  objects: ts.ObjectLiteralExpression[];
}

const CONSUMER_TOUCHPOINTS = /^(sms|whatsapp|email|web|messenger|facebook|instagram|telegram|apple|rcs)/i;

// Facts, readable-text and several rules classify the same sends of a file: once per send call is enough
// (a finished model does not change, so neither can the answer; the memo goes with the model).
const classifiedIn = new WeakMap<FileModel, Map<SdkCall, Readonly<ClassifiedMessage>>>();

/**
 * Classifies who reads a message the app sends: the consumer, the dealer's staff only, or unknown.
 * The result is shared between callers: read it, never change it.
 */
export function classifyMessage(model: FileModel, send: SdkCall): Readonly<ClassifiedMessage> {
  let classified = classifiedIn.get(model);
  if (!classified) classifiedIn.set(model, (classified = new Map()));
  let message = classified.get(send);
  if (!message) classified.set(send, (message = classify(model, send)));
  return message;
}

function classify(model: FileModel, send: SdkCall): ClassifiedMessage {
  const out: ClassifiedMessage = { audience: 'unknown', sureConsumer: false, inContactHandler: false, texts: [], roles: [], objects: [] };
  const handler = model.sdk.handlerOf(send.call);
  out.inContactHandler = !!handler && (handler.via === 'ask' || handler.via === 'onText' || handler.via === 'registerCallback' || handler.events.some((e) => /(^|\.)contact(\.|$)/.test(e) || e === 'message' || e.startsWith('message.*') || e === '**'));
  const items = expandMessages(model, send.message);
  const verdicts: Audience[] = [];
  let sure = false;
  for (const item of items) {
    const e = unwrap(item);
    const obj = model.values.objectLiteral(e);
    if (obj) {
      out.objects.push(obj);
      const role = model.values.propertyString(obj, 'role')?.text;
      const type = model.values.propertyString(obj, 'type')?.text;
      const touchpoint = model.values.propertyString(obj, 'touchpoint')?.text;
      const backchannel = objectProperty(obj, 'isBackchannel');
      const textNode = objectProperty(obj, 'text');
      if (role) out.roles.push(role);
      if (textNode) pushText(model, textNode, out.texts);
      if (backchannel && backchannel.kind === ts.SyntaxKind.TrueKeyword) verdicts.push('internal');
      else if (type === 'command' || type === 'mention') verdicts.push('internal');
      // role 'contact' posts the consumer's own words into the chat (a relay): the dealer's staff read them
      else if (role === 'contact') verdicts.push('internal');
      else if (role === 'agent' || (touchpoint && CONSUMER_TOUCHPOINTS.test(touchpoint))) {
        verdicts.push('consumer');
        sure = true;
      } else verdicts.push('unknown');
    } else {
      const s = model.values.string(e);
      pushText(model, e, out.texts);
      if (s && /^\/(accept|join|leave|assign|notify|set)\b/.test(s.text)) verdicts.push('internal');
      else verdicts.push('unknown');
    }
  }
  if (verdicts.includes('consumer')) out.audience = 'consumer';
  else if (verdicts.length && verdicts.every((v) => v === 'internal')) out.audience = 'internal';
  out.sureConsumer = sure;
  return out;
}

/** True when a text rule should treat the message as read by a consumer. */
export function readByConsumer(m: Readonly<ClassifiedMessage>): boolean {
  return m.audience === 'consumer' || (m.audience === 'unknown' && m.inContactHandler);
}

function expandMessages(model: FileModel, msg: ts.Expression | undefined): ts.Expression[] {
  if (!msg) return [];
  const arr = model.values.arrayLiteral(msg);
  if (arr) return arr.elements.filter((e): e is ts.Expression => !ts.isSpreadElement(e) && !ts.isOmittedExpression(e));
  return [msg];
}

function pushText(model: FileModel, node: ts.Expression, out: MessageText[]): void {
  const s = model.values.string(node);
  if (s) out.push({ node: resolvedLiteral(model, node) ?? node, text: s.text });
}

/** The literal a text came from, so findings point at the words rather than at a variable. */
function resolvedLiteral(model: FileModel, node: ts.Expression): ts.Expression | undefined {
  const e = unwrap(node);
  if (ts.isIdentifier(e)) {
    const init = model.values.initializerOf(e.text);
    return init ? resolvedLiteral(model, init) ?? init : undefined;
  }
  return e;
}
