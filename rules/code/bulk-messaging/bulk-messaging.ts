import { ts } from '../../src/ts';
import { createCodeRule } from '../../src/rule';
import { classifyMessage, readByConsumer } from '../../src/model/audience';
import { knownChannelSends } from '../../src/model/channel-sends';
import type { FileModel } from '../../src/model/file-model';
import type { SdkCall } from '../../src/model/sdk';
import { boundNames, calleeName, isFunctionLike, ITERATING_METHODS, unwrap } from '../../src/model/syntax';
import { readableTexts, sentMessages } from '../../src/lexicon/readable-text';

import { namesConsent } from '../../src/lexicon/consent';

/** Names of consent fields and checks (the shared consent vocabulary), as a test. */
const CONSENT = { test: namesConsent };
const CONSUMER_ROLE = /^agent$/;
const CONSUMER_TOUCHPOINT = /^(sms|whatsapp|email)/i;
/** Lists of the dealer's own people: notifying each of them is no bulk messaging of consumers. */
const STAFF_LIST = /agent|staff|team|admin|member|employee|medewerker|colleague|collega|user/i;

interface Loop {
  node: ts.Node;
  /** The statement or callback body the loop runs. */
  body: ts.Node;
  /** What it iterates (the list expression), when known. */
  list?: ts.Expression;
  vars: string[];
}

export default createCodeRule({
  meta: {
    id: 'bulk-messaging',
    target: 'code',
    // reports only SDK calls inside loops
    requires: ['sdk-calls', 'channel-package'],
    description: 'Consumer messages sent in a loop over contacts, phone numbers or conversations without an opt-in check.',
    clauses: ['D.1', 'D.3'],
    severity: 'warning',
    fixable: false,
    messages: {
      bulk: 'Messages go to every recipient in {{list}} with no opt-in check of that recipient (optIn, marketingConsent, subscribed …): unsolicited bulk messages are spam',
    },
  },
  create(context) {
    const { model } = context;
    return {
      // no-op: makes the file model collect object literals, where message-shaped objects are found
      [ts.SyntaxKind.ObjectLiteralExpression]() {},
      onEnd() {
        const reportedLoops = new Set<ts.Node>();
        const derivedByLoop = new Map<ts.Node, Set<string>>();
        const loopsMemo = new Map<ts.Node, Loop[]>();
        const consumerCalls = new Set<ts.CallExpression>();
        for (const t of readableTexts(model)) if (t.consumer && t.call) consumerCalls.add(t.call);
        for (const s of sentMessages(model)) if (CONSUMER_ROLE.test(model.values.propertyString(s.message, 'role')?.text ?? '') || CONSUMER_TOUCHPOINT.test(model.values.propertyString(s.message, 'touchpoint')?.text ?? '')) consumerCalls.add(s.call);
        // chipchat's sends, then SMS, WhatsApp, Telegram and e-mail sends of other packages (rules/data/channel-sends.json)
        const targets: { call: ts.CallExpression; target: { recipient: ts.Node; sureConsumer: boolean } }[] = [];
        for (const c of model.sdk.calls) {
          const target = recipientOf(model, c, consumerCalls);
          if (target) targets.push({ call: c.call, target });
        }
        for (const s of knownChannelSends(model)) if (s.recipient) targets.push({ call: s.call, target: { recipient: s.recipient, sureConsumer: false } });
        for (const { call, target } of targets) {
          for (const loop of loopsAround(call, loopsMemo)) {
            let derived = derivedByLoop.get(loop.node);
            if (!derived) derivedByLoop.set(loop.node, (derived = derivedNames(model, loop)));
            if (!references(target.recipient, derived)) continue;
            if (!target.sureConsumer && loop.list && STAFF_LIST.test(loop.list.getText(context.sourceFile))) break;
            if (!reportedLoops.has(loop.node) && !checksConsent(model, loop, derived)) {
              reportedLoops.add(loop.node);
              context.report({ messageId: 'bulk', data: { list: listName(loop, context.sourceFile) }, start: call.getStart(context.sourceFile), end: call.getEnd() });
            }
            break;
          }
        }
      },
    };
  },
});

/** The expression naming who receives the message, for sends that can reach consumers. */
function recipientOf(model: FileModel, c: SdkCall, consumerCalls: ReadonlySet<ts.CallExpression>): { recipient: ts.Node; sureConsumer: boolean } | undefined {
  const call = c.call;
  if (c.kind === 'resource') {
    const arg = call.arguments[0];
    if (!arg) return undefined;
    if (c.resource === 'conversations' && c.method === 'create') {
      const type = model.values.propertyString(arg, 'type')?.text;
      if (type && type !== 'contact') return undefined;
      return { recipient: arg, sureConsumer: type === 'contact' };
    }
    if (c.resource === 'messages' && c.method === 'create') return { recipient: arg, sureConsumer: consumerCalls.has(call) };
    return undefined;
  }
  if (c.kind !== 'send') return undefined;
  const m = classifyMessage(model, c);
  const sure = m.sureConsumer || readByConsumer(m) || consumerCalls.has(call);
  if (m.audience === 'internal' && !sure) return undefined;
  if (m.texts.some((t) => t.text.startsWith('/')) && !sure) return undefined;
  if (!c.viaContext) return call.arguments[0] ? { recipient: call.arguments[0], sureConsumer: sure } : undefined;
  const callee = unwrap(call.expression);
  return ts.isPropertyAccessExpression(callee) ? { recipient: callee.expression, sureConsumer: sure } : undefined;
}

/**
 * The loops around a node, innermost first. Each node's list is its parent's plus the loop the parent makes
 * of it, kept in `memo`: a climb to the root from every send is quadratic in a long `.then(…)` chain.
 */
function loopsAround(node: ts.Node, memo: Map<ts.Node, Loop[]>): Loop[] {
  const path: ts.Node[] = [];
  let top = node;
  while (top.parent && !memo.has(top)) {
    path.push(top);
    top = top.parent;
  }
  let above = memo.get(top) ?? [];
  for (let i = path.length - 1; i >= 0; i--) {
    const child = path[i]!;
    const loop = loopOf(child.parent!, child);
    if (loop) above = [loop, ...above];
    memo.set(child, above);
  }
  return above;
}

/** The loop `cur` makes of its child `child` (its body, or a callback of forEach/map/…), if any. */
function loopOf(cur: ts.Node, child: ts.Node): Loop | undefined {
  // one kind switch per ancestor: this runs for every ancestor of a send
  switch (cur.kind) {
    case ts.SyntaxKind.ForOfStatement:
    case ts.SyntaxKind.ForInStatement: {
      const loop = cur as ts.ForOfStatement | ts.ForInStatement;
      return child === loop.statement ? { node: loop, body: loop.statement, list: loop.expression, vars: declaredNames(loop.initializer) } : undefined;
    }
    case ts.SyntaxKind.ForStatement: {
      const loop = cur as ts.ForStatement;
      return child === loop.statement ? { node: loop, body: loop.statement, list: loop.condition, vars: declaredNames(loop.initializer) } : undefined;
    }
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.FunctionExpression:
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.MethodDeclaration: {
      const fn = cur as ts.FunctionLikeDeclaration;
      const call = fn.parent;
      if (!call || call.kind !== ts.SyntaxKind.CallExpression || !(call as ts.CallExpression).arguments.includes(fn as ts.Expression)) return undefined;
      const c = call as ts.CallExpression;
      const name = calleeName(c);
      // a callback of forEach/map/… is a loop body too (`.then(conv => …)` is not)
      if (!name || !ITERATING_METHODS.has(name) || !ts.isPropertyAccessExpression(c.expression) || !fn.body) return undefined;
      return { node: c, body: fn.body, list: c.expression.expression, vars: fn.parameters.flatMap((p) => boundNames(p.name)) };
    }
  }
  return undefined;
}

function declaredNames(init: ts.ForInitializer | undefined): string[] {
  return init && ts.isVariableDeclarationList(init) ? init.declarations.flatMap((d) => boundNames(d.name)) : [];
}

/** The loop variables and every name in the loop body computed from them (declarations, callback parameters). */
function derivedNames(model: FileModel, loop: Loop): Set<string> {
  const names = new Set(loop.vars);
  const inside = (n: ts.Node) => n.pos >= loop.body.pos && n.end <= loop.body.end;
  const decls = model.nodes<ts.VariableDeclaration>(ts.SyntaxKind.VariableDeclaration).filter((d) => d.initializer && inside(d));
  const calls = model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression).filter(inside);
  for (let pass = 0, grew = true; grew && pass < 6; pass++) {
    grew = false;
    for (const d of decls) {
      if (!references(d.initializer!, names)) continue;
      for (const n of boundNames(d.name)) if (!names.has(n)) (names.add(n), (grew = true));
    }
    for (const call of calls) {
      const fns = call.arguments.filter((a) => isFunctionLike(a)) as ts.FunctionLikeDeclaration[];
      if (!fns.length) continue;
      const source = [call.expression, ...call.arguments.filter((a) => !isFunctionLike(a))];
      if (!source.some((s) => references(s, names))) continue;
      for (const fn of fns) for (const p of fn.parameters) for (const n of boundNames(p.name)) if (!names.has(n)) (names.add(n), (grew = true));
    }
  }
  return names;
}

/** True when an identifier in the subtree is one of the names (property names after a dot are not references). */
function references(node: ts.Node, names: ReadonlySet<string>): boolean {
  if (!names.size) return false;
  const stack: ts.Node[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (ts.isIdentifier(n) && names.has(n.text)) {
      const p = n.parent;
      const isMemberName = (ts.isPropertyAccessExpression(p) && p.name === n) || (ts.isPropertyAssignment(p) && p.name === n);
      if (!isMemberName) return true;
    }
    ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  return false;
}

/** An opt-in check of the recipient: in the loop body, or in the list the loop runs over (a filter or a query). */
function checksConsent(model: FileModel, loop: Loop, derived: ReadonlySet<string>): boolean {
  if (loop.list && mentionsConsent(model, loop.list, 0)) return true;
  const stack: ts.Node[] = [loop.body];
  while (stack.length) {
    const n = stack.pop()!;
    if ((ts.isPropertyAccessExpression(n) && CONSENT.test(n.name.text)) || (ts.isElementAccessExpression(n) && ts.isStringLiteralLike(n.argumentExpression) && CONSENT.test(n.argumentExpression.text))) {
      if (references(n.expression, derived)) return true;
    }
    if (ts.isCallExpression(n) && CONSENT.test(calleeName(n) ?? '') && n.arguments.some((a) => references(a, derived))) return true;
    ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  return false;
}

/** The list expression (or what it was computed from) names a consent field: `contacts.filter(c => c.optIn)`, `list({ 'meta.optIn': true })`. */
function mentionsConsent(model: FileModel, expr: ts.Node, depth: number): boolean {
  if (depth > 3) return false;
  const stack: ts.Node[] = [expr];
  while (stack.length) {
    const n = stack.pop()!;
    if (ts.isIdentifier(n)) {
      if (CONSENT.test(n.text)) return true;
      const init = model.values.initializerOf(n.text);
      if (init && init !== expr && mentionsConsent(model, init, depth + 1)) return true;
    }
    if (ts.isStringLiteralLike(n) && n.text.split(/[^A-Za-z_]+/).some((w) => CONSENT.test(w))) return true;
    ts.forEachChild(n, (c) => {
      stack.push(c);
    });
  }
  return false;
}

function listName(loop: Loop, sf: ts.SourceFile): string {
  const t = (loop.list?.getText(sf) ?? 'a list').replace(/\s+/g, ' ');
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}
