import { ts } from '../../src/ts';
import { createCodeRule } from '../../src/rule';
import { channelSends } from '../../src/model/channel-sends';
import type { FileModel } from '../../src/model/file-model';
import { messageHandlerParams } from '../../src/model/personal-data-sources';
import { isFunctionLike, unwrap } from '../../src/model/syntax';

/** Fields of an incoming message that hold what its sender typed. */
const TEXT_FIELDS = new Set(['body', 'text', 'caption']);
/** Fields of an incoming message that say who sent it: a condition on them can restrict a command to some senders. */
const SENDER_FIELDS = new Set(['from', 'author', 'sender', 'user', 'userId', 'participant', 'chatId']);
/** Names of checks that restrict a command to trusted senders (`isAdmin(msg)`, `ALLOWED.includes(…)`). */
const SENDER_CHECK = /admin|owner|allow|whitelist|authori[sz]|staff|trusted|permit|operator|moderator/i;
const NO_BINDINGS = new Map<ts.Node, ts.Expression>();
const MAX_DEPTH = 8;

export default createCodeRule({
  meta: {
    id: 'open-relay',
    target: 'code',
    description: 'A bot command that sends a text taken from an incoming message to a recipient taken from the same message, for any sender: an open relay for spam and harassment.',
    clauses: ['D.1'],
    severity: 'warning',
    fixable: false,
    messages: {
      relay: 'Whoever messages the bot chooses both the recipient ({{recipient}}) and the text of this {{channel}} message: an open relay anyone can use to spam or harass other people. Let only authenticated staff use such a command, or reply only to the sender',
    },
  },
  create(context) {
    const { model } = context;
    return {
      onEnd() {
        const params = incomingMessageParams(model);
        if (!params.size) return;
        const sends: { call: ts.CallExpression; recipient?: ts.Expression; text?: ts.Expression; channel: string }[] = [...channelSends(model)];
        for (const c of model.sdk.calls) if (c.kind === 'send' && !c.viaContext) sends.push({ call: c.call, recipient: c.call.arguments[0], text: c.call.arguments[1], channel: 'Web1on1' });
        for (const s of sends) {
          if (!s.recipient || !s.text) continue;
          const handler = enclosingHandler(s.call, params);
          if (!handler) continue;
          const roots = new Set([handler.param]);
          if (!fromText(model, s.recipient, roots, 0) || !fromText(model, s.text, roots, 0) || checksSender(model, handler.fn, handler.param)) continue;
          context.report({
            messageId: 'relay',
            data: { recipient: short(s.recipient.getText(context.sourceFile)), channel: s.channel },
            start: s.call.getStart(context.sourceFile),
            end: s.call.getEnd(),
          });
        }
      },
    };
  },
});

/** First parameters of handlers of incoming messages: chipchat's and other bot clients' (`client.on('message', …)`). */
function incomingMessageParams(model: FileModel): Map<ts.Node, ts.ParameterDeclaration> {
  const byFn = new Map<ts.Node, ts.ParameterDeclaration>();
  for (const [fn, info] of model.sdk.handlers) {
    const p = info.via === 'conversation' ? undefined : info.fn.parameters[0];
    if (p && ts.isIdentifier(p.name) && model.sdk.messageNames.has(p.name.text)) byFn.set(fn, p);
  }
  const sdkCalls = new Set<ts.CallExpression>(model.sdk.calls.map((c) => c.call));
  for (const [p] of messageHandlerParams(model, sdkCalls)) byFn.set(p.parent, p);
  return byFn;
}

function enclosingHandler(node: ts.Node, params: ReadonlyMap<ts.Node, ts.ParameterDeclaration>): { fn: ts.Node; param: ts.ParameterDeclaration } | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    const param = params.get(n);
    if (param) return { fn: n, param };
  }
  return undefined;
}

/**
 * The expression is computed from what the sender typed: it reads a text field of the incoming message, or a
 * name whose values (by the value-tracking layer's candidates: initialiser and every assignment) do.
 */
function fromText(model: FileModel, expr: ts.Expression, roots: ReadonlySet<ts.ParameterDeclaration>, depth: number, seen = new Set<ts.Node>()): boolean {
  if (depth > MAX_DEPTH) return false;
  const stack: ts.Node[] = [expr];
  while (stack.length) {
    const n = stack.pop()!;
    if (isFunctionLike(n)) continue;
    if (ts.isPropertyAccessExpression(n) && TEXT_FIELDS.has(n.name.text) && isRoot(model, n.expression, roots)) return true;
    if (ts.isIdentifier(n) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) {
      const decl = model.tracker.declarationOf(n);
      if (decl && !seen.has(decl)) {
        seen.add(decl);
        if (ts.isBindingElement(decl)) {
          // a piece of a value computed from the text is too: `const [, chatId, note] = match`
          if (destructuresText(model, decl, roots)) return true;
          const whole = declarationAbove(decl);
          if (whole?.initializer && fromText(model, whole.initializer, roots, depth + 1, seen)) return true;
        }
        if (ts.isVariableDeclaration(decl)) {
          for (const c of model.tracker.candidates(n, NO_BINDINGS) ?? []) if (fromText(model, c, roots, depth + 1, seen)) return true;
        }
      }
    }
    ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  return false;
}

function isRoot(model: FileModel, e: ts.Expression, roots: ReadonlySet<ts.ParameterDeclaration>): boolean {
  const u = unwrap(e);
  if (!ts.isIdentifier(u)) return false;
  const decl = model.tracker.declarationOf(u);
  return !!decl && roots.has(decl as ts.ParameterDeclaration);
}

function declarationAbove(el: ts.BindingElement): ts.VariableDeclaration | undefined {
  let n: ts.Node = el;
  while (ts.isBindingElement(n) || ts.isObjectBindingPattern(n) || ts.isArrayBindingPattern(n)) n = n.parent;
  return ts.isVariableDeclaration(n) ? n : undefined;
}

/** `const { body } = msg`: a text field taken out of the incoming message. */
function destructuresText(model: FileModel, el: ts.BindingElement, roots: ReadonlySet<ts.ParameterDeclaration>): boolean {
  const key = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : undefined;
  const decl = el.parent.parent;
  return !!key && TEXT_FIELDS.has(key) && ts.isVariableDeclaration(decl) && !!decl.initializer && isRoot(model, decl.initializer, roots);
}

/** A condition in the handler on who sent the message (`msg.from === OWNER`, `isAdmin(msg.author)`). */
function checksSender(model: FileModel, fn: ts.Node, param: ts.ParameterDeclaration): boolean {
  let found = false;
  const visitCondition = (n: ts.Node): void => {
    if (found) return;
    if (ts.isPropertyAccessExpression(n) && SENDER_FIELDS.has(n.name.text) && isRoot(model, n.expression, new Set([param]))) found = true;
    else if (ts.isIdentifier(n) && SENDER_CHECK.test(n.text)) found = true;
    else ts.forEachChild(n, visitCondition);
  };
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIfStatement(n)) visitCondition(n.expression);
    else if (ts.isConditionalExpression(n)) visitCondition(n.condition);
    ts.forEachChild(n, visit);
  };
  visit(fn);
  return found;
}

function short(text: string): string {
  const t = text.replace(/\s+/g, ' ');
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}
