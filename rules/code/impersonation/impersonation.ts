import { ts } from '../../src/ts';
import { createCodeRule } from '../../src/rule';
import { findIdentityClaims } from '../../src/lexicon/identity-claims';
import { readableTexts, sentMessages } from '../../src/lexicon/readable-text';
import { networkInputOf, type NetworkInput } from '../../src/model/network-input';
import { calleeName, objectProperty, propertyName, unwrap } from '../../src/model/syntax';
import { HOLE } from '../../src/model/values';

/** The widget's command that shows a message as if an agent wrote it (called, or passed by name). */
const FAKE_AGENT = 'showFakeAgentMessage';
// The bot's own user id: `bot.auth.user`, `BOT_USER_ID`, `process.env.BOT_USER` …
const OWN_USER = /\bauth\.user\b|bot_?user|botUser|self/i;

export default createCodeRule({
  meta: {
    id: 'impersonation',
    target: 'code',
    description: "Messages sent as the consumer or as another user, the widget's fake agent messages, and bots claiming to be human or staff.",
    clauses: ['D.2'],
    severity: 'error',
    fixable: true,
    messages: {
      roleContact: "The app sends a message as the consumer (role: 'contact'): the dealer's staff will read words the consumer never wrote",
      otherUser: "The message is sent in another user's name (user: {{value}}): readers see someone else as its author",
      fakeAgent: 'showFakeAgentMessage shows a message as if an agent wrote it: the consumer is misled about who is talking',
      humanClaim: 'The bot claims to be a human ("{{phrase}}"): consumers must be able to tell they are talking to a bot',
      staffClaim: 'The bot introduces itself as a named member of the dealer\'s staff ("{{phrase}}"): say that it is a (digital) assistant',
    },
  },
  create(context) {
    const { model } = context;
    const reported = new Set<ts.Node>();
    const report = (node: ts.Node, messageId: string, data: Record<string, string> = {}, extra: { severity?: 'warning'; fix?: ts.Node } = {}) => {
      if (reported.has(node)) return;
      reported.add(node);
      const fixes = extra.fix
        ? [{ description: "Send as the bot (role: 'bot')", edits: [{ file: context.file, start: extra.fix.getStart(context.sourceFile), end: extra.fix.getEnd(), newText: quoteLike(context.sourceFile, extra.fix, 'bot') }], safe: false }]
        : undefined;
      context.report({ messageId, data, start: node.getStart(context.sourceFile), end: node.getEnd(), severity: extra.severity, fixes });
    };
    let network: NetworkInput | undefined;
    /** The text is what an inbound request carried, and nothing of the app's own: a bridge relaying the sender's words. */
    const relaysRequest = (obj: ts.ObjectLiteralExpression) => {
      const text = objectProperty(obj, 'text');
      if (!text) return false;
      if (relaysParameter(text)) return true;
      network ??= networkInputOf(model);
      if (network.source(text) !== 'the HTTP request') return false;
      const own = model.values.string(text)?.text ?? '';
      return !own.replaceAll(HOLE, '').trim();
    };
    /**
     * `postFromConsumer(conversationId, text)` posting `{ role: 'contact', text }`: a relay helper adds no words of
     * its own, and no call of the file hands it words the app wrote (callers in other modules pass what the
     * consumer sent over another channel).
     */
    const relaysParameter = (text: ts.Expression) => {
      const id = unwrap(text);
      const d = ts.isIdentifier(id) ? model.tracker.declarationOf(id) : undefined;
      if (!d || !ts.isParameter(d)) return false;
      const index = d.parent.parameters.indexOf(d);
      return model.tracker.callSitesOf(d.parent).every((site) => {
        const arg = site.arguments?.[index];
        const own = arg ? model.values.string(arg)?.text : undefined;
        return !own || !own.replaceAll(HOLE, '').trim();
      });
    };
    const checkMessageObject = (obj: ts.ObjectLiteralExpression) => {
      for (const p of obj.properties) {
        if (!ts.isPropertyAssignment(p)) continue;
        const name = propertyName(p.name);
        if (name === 'role' && model.values.string(p.initializer)?.text === 'contact' && !relaysRequest(obj)) report(p, 'roleContact', {}, { fix: unwrap(p.initializer) });
        if (name === 'user' && !OWN_USER.test(p.initializer.getText(context.sourceFile))) report(p, 'otherUser', { value: shortValue(context.sourceFile, p.initializer) }, { severity: 'warning' });
      }
    };
    return {
      // no-op: makes the file model collect object literals, where message-shaped objects are found
      [ts.SyntaxKind.ObjectLiteralExpression]() {},
      onEnd() {
        for (const s of sentMessages(model)) checkMessageObject(s.message);
        // options merged into every message: say(text, { role: 'contact' }), bot.send(conv, msg, { user })
        for (const c of model.sdk.calls) {
          if (c.kind !== 'send') continue;
          const opts = model.values.objectLiteral(c.call.arguments[c.method === 'say' || c.method === 'ask' ? 1 : 2]);
          if (opts) checkMessageObject(opts);
        }
        // resolving every call's first argument was most of the rule's time: only where the file can spell the command
        const mayPassCommand = model.mayResolveTo(FAKE_AGENT);
        for (const call of model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
          const first = call.arguments[0];
          if (calleeName(call) === FAKE_AGENT || (mayPassCommand && first && model.values.string(first)?.text === FAKE_AGENT)) report(call, 'fakeAgent');
        }
        for (const t of readableTexts(model)) {
          if (t.audience === 'internal' || (t.part !== 'message' && t.part !== 'item')) continue;
          const claim = findIdentityClaims(t.text)[0];
          if (claim) report(t.node, claim.kind === 'human' ? 'humanClaim' : 'staffClaim', { phrase: claim.phrase }, { severity: 'warning' });
        }
      },
    };
  },
});

function quoteLike(sf: ts.SourceFile, literal: ts.Node, value: string): string {
  const q = literal.getText(sf)[0];
  return q === '"' || q === '`' ? `${q}${value}${q}` : `'${value}'`;
}

function shortValue(sf: ts.SourceFile, node: ts.Expression): string {
  const t = node.getText(sf).replace(/\s+/g, ' ');
  return t.length > 40 ? t.slice(0, 39) + '…' : t;
}

