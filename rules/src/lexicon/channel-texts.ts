import vocabulary from '../../data/lexicons/readable-text.json';
import { ts } from '../ts';
import { channelSends } from '../model/channel-sends';
import type { FileModel } from '../model/file-model';
import { effectiveUrl } from '../model/http';
import { hostOf, isApiHost } from '../model/hosts';
import { objectProperty, unwrap } from '../model/syntax';
import { callString, lastPathSegment, serialisedObject } from './text-builders';

/**
 * Texts the app sends to a person over channels other than the SDK: messaging packages (Twilio, MessageBird,
 * Vonage, Telegram, nodemailer …: rules/data/channel-sends.json), REST posts to other channels' message
 * endpoints (WhatsApp Cloud API, Telegram Bot API …), and answers on other bot frameworks (`ctx.reply('…')`,
 * Bolt's `say('…')`). The consumer reads each of them.
 */
export interface ChannelText {
  /** The expression holding the words (a string, template, name …; readable-text follows it to the literal). */
  text: ts.Expression;
  call: ts.CallExpression;
}

const HTTP_MESSAGE_PATHS: ReadonlySet<string> = new Set(vocabulary.httpMessagePaths.map((p) => p.toLowerCase()));
const HTTP_TEXT_PROPERTIES = vocabulary.httpTextProperties;
const REPLY_METHODS: ReadonlySet<string> = new Set(vocabulary.replyMethods);
const REPLY_TEXT_PROPERTIES = vocabulary.replyTextProperties;

export function channelTexts(model: FileModel): ChannelText[] {
  const out: ChannelText[] = [];
  for (const send of channelSends(model)) if (send.text) out.push({ text: send.text, call: send.call });
  for (const h of model.http.calls) {
    // `fetch(api('sendMessage'), …)`: a local helper that builds the URL
    const url = effectiveUrl(h) ?? callString(model, h.urlNode);
    const host = url ? hostOf(url) : undefined;
    if (!h.body || !url || !host || h.method !== 'POST' || isApiHost(host) || !HTTP_MESSAGE_PATHS.has(lastPathSegment(url))) continue;
    for (const text of bodyTexts(model, h.body)) out.push({ text, call: h.call });
  }
  replies(model, out);
  return out;
}

/**
 * Arguments of the app's own senders in other modules (`sendTelegram(chatId, '…')`, `w1.replyAsAdvisor(id, TEXT.x)`):
 * the project index tells which argument each sends as a message text (hints.importedTextSenders).
 */
export function importedSenderTexts(model: FileModel): ChannelText[] {
  const senders = model.hints.importedTextSenders;
  if (!senders) return [];
  const out: ChannelText[] = [];
  for (const call of model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
    const callee = unwrap(call.expression);
    const key = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? `${callee.expression.text}.${callee.name.text}` : undefined;
    const positions = key !== undefined && Object.hasOwn(senders, key) ? senders[key] : undefined;
    for (const i of positions ?? []) {
      const arg = call.arguments[i];
      if (arg && !ts.isSpreadElement(arg)) out.push({ text: arg, call });
    }
  }
  return out;
}

/** `{ text: { body } }` (WhatsApp), `{ chat_id, text }` (Telegram), `{ Body }` (Twilio) … */
function bodyTexts(model: FileModel, body: ts.Expression): ts.Expression[] {
  const obj = serialisedObject(model, body);
  if (!obj) return [];
  const out: ts.Expression[] = [];
  for (const key of HTTP_TEXT_PROPERTIES) {
    const v = objectProperty(obj, key);
    if (!v) continue;
    const inner = model.values.objectLiteral(v);
    if (!inner) {
      out.push(v);
      continue;
    }
    for (const k of HTTP_TEXT_PROPERTIES) {
      const w = objectProperty(inner, k);
      if (w && !model.values.objectLiteral(w)) out.push(w);
    }
  }
  return out;
}

/**
 * Answers on other bot frameworks: `ctx.reply('…')`, `message.reply({ content })`, `bot.reply(message, '…')`,
 * and a `say`/`respond` handed to a listener (`({ say }) => say('…')`). The SDK's own sends are not these.
 */
function replies(model: FileModel, out: ChannelText[]): void {
  const sdkCalls = new Set<ts.Node>(model.sdk.calls.map((c) => c.call));
  for (const call of model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
    const callee = unwrap(call.expression);
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    if (!name || !REPLY_METHODS.has(name) || !call.arguments.length || sdkCalls.has(call)) continue;
    if (ts.isIdentifier(callee) && !isHandedIn(model, callee)) continue;
    for (const arg of call.arguments) {
      const obj = model.values.objectLiteral(arg);
      if (!obj) out.push({ text: arg, call });
      else for (const key of REPLY_TEXT_PROPERTIES) {
        const v = objectProperty(obj, key);
        if (v) out.push({ text: v, call });
      }
    }
  }
}

/** A bare `say(…)` whose function a listener was handed (a parameter, or destructured from one), not a local helper. */
function isHandedIn(model: FileModel, id: ts.Identifier): boolean {
  const d = model.tracker.declarationOf(id);
  return !!d && (ts.isParameter(d) || (ts.isBindingElement(d) && ts.isParameter(d.parent.parent)));
}
