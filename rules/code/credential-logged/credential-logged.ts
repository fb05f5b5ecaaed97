import { ts } from '../../src/ts';
import { createCodeRule, type CodeRuleContext } from '../../src/rule';
import { requireSpecifier } from '../../src/model/file-model';
import { accessChain, calleeName, propertyName, unwrap } from '../../src/model/syntax';
import { DEBUG_MODULE, loggers, sends as sendMethods } from '../../src/model/sinks';
import { credentialSource } from '../../src/lexicon/credentials/credential-source';
import { credentialKind, isNonCredentialTokenName, nameWords } from '../../src/lexicon/credentials/secret-shape';

/** Calls that print their argument as it is; anything else (slice, mask, redact, hash) may hide it. */
const TRANSPARENT = new Set(['stringify', 'inspect', 'String', 'format', 'toString', 'toJSON']);

/** Objects whose members name things rather than hold them. */
const NAME_TABLE_WORDS = new Set(['name', 'names', 'label', 'labels', 'field', 'fields', 'key', 'keys', 'type', 'types', 'variable', 'variables', 'constants', 'messages', 'errors', 'events', 'headers', 'params']);

type Sink = { label: string; debug: boolean } | undefined;

export default createCodeRule({
  meta: {
    id: 'credential-logged',
    target: 'code',
    description: 'Tokens, secrets and passwords (secret env vars, the SDK\'s bot.auth) written to logs or sent into conversations.',
    clauses: ['B.2'],
    severity: 'error',
    securitySeverity: 6.5,
    fixable: false,
    messages: {
      logged: '{{what}} is written to the log by {{sink}}: logs are kept, shipped and read by people who must not hold this credential; log a masked form (e.g. the last 4 characters) or nothing',
      debugLogged: '{{what}} is printed by {{sink}} whenever DEBUG enables that namespace: log a masked form (e.g. the last 4 characters) or nothing',
      sent: '{{what}} is sent into a conversation: everyone who reads it there can use the credential',
    },
  },
  create(context) {
    const sends = new Set(context.model.sdk.calls.filter((c) => c.kind === 'send').map((c) => c.call));
    return {
      [ts.SyntaxKind.CallExpression](node) {
        const call = node as ts.CallExpression;
        const isSend = sends.has(call);
        const sink = isSend ? undefined : sinkOf(context, call);
        if (!isSend && !sink) return;
        // bot.send(conversation, message) / conversation.say(message)
        const messageIndex = sendMethods.isSdkMethod(calleeName(call) ?? '') ? 1 : 0;
        const args = isSend ? call.arguments.slice(messageIndex, messageIndex + 1) : call.arguments;
        for (const arg of args) {
          const what = credentialIn(context, arg, 0);
          if (!what) continue;
          const messageId = isSend ? 'sent' : sink!.debug ? 'debugLogged' : 'logged';
          context.report({ messageId, data: { what, sink: sink?.label ?? '' }, start: call.getStart(context.sourceFile), end: call.getEnd(), severity: sink?.debug ? 'warning' : undefined });
          return;
        }
      },
    };
  },
});

function sinkOf(context: CodeRuleContext, call: ts.CallExpression): Sink {
  const callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    // both sinks need a logging method name: most calls are something else, and need no chain
    if (!loggers.isLoggingMethod(method)) return undefined;
    const chain = accessChain(callee.expression);
    const owner = chain?.[chain.length - 1];
    if (!owner) return undefined;
    if (owner === 'console' && loggers.isConsoleMethod(method)) return { label: `console.${method}`, debug: false };
    if (loggers.isReceiverName(owner) && loggers.isLevelMethod(method)) return { label: `${owner}.${method}`, debug: false };
    return undefined;
  }
  if (!ts.isIdentifier(callee)) return undefined;
  const name = callee.text;
  if (isDebugInstance(context, name)) return { label: `${name}()`, debug: true };
  if (loggers.isFunctionName(name)) return { label: `${name}()`, debug: false };
  return undefined;
}

/** `const debug = require('debug')('bot')`, `const log = debug('bot')` with `debug` from the debug package. */
function isDebugInstance(context: CodeRuleContext, name: string): boolean {
  if (name === DEBUG_MODULE && !context.model.values.initializerOf(name)) return true;
  const init = context.model.values.initializerOf(name);
  if (!init) return false;
  const e = unwrap(init);
  if (!ts.isCallExpression(e)) return false;
  const factory = unwrap(e.expression);
  if (ts.isCallExpression(factory)) return requireSpecifier(factory) === DEBUG_MODULE;
  return ts.isIdentifier(factory) && (context.model.requireBindings.get(factory.text) === DEBUG_MODULE || factory.text === DEBUG_MODULE);
}

/** What credential an argument prints, in words; undefined when none (or when it is masked first). */
function credentialIn(context: CodeRuleContext, node: ts.Expression, depth: number): string | undefined {
  if (depth > 8) return undefined;
  const e = unwrap(node);
  const source = credentialSource(context.model, e);
  if (source) return source;
  const chain = accessChain(e);
  if (chain && chain.length === 2 && chain[0] === 'process' && chain[1] === 'env') return 'process.env (every secret of the process)';
  if (ts.isIdentifier(e)) return namedCredential(context, e.text, e) ?? constantObject(context, e, depth);
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const last = chain?.[chain.length - 1];
    if (!last || !credentialKind(last)) return undefined;
    // `EnvVarNames.MSI_SECRET`, `Fields.password`: a constant naming the credential, not holding it
    if (chain.slice(0, -1).some((seg) => nameWords(seg).some((w) => NAME_TABLE_WORDS.has(w)))) return undefined;
    return e.getText(context.sourceFile);
  }
  if (ts.isTemplateExpression(e)) {
    for (const span of e.templateSpans) {
      const found = credentialIn(context, span.expression, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return credentialIn(context, e.left, depth + 1) ?? credentialIn(context, e.right, depth + 1);
    if (op === ts.SyntaxKind.AmpersandAmpersandToken) return credentialIn(context, e.right, depth + 1);
    return undefined;
  }
  if (ts.isConditionalExpression(e)) return credentialIn(context, e.whenTrue, depth + 1) ?? credentialIn(context, e.whenFalse, depth + 1);
  if (ts.isArrayLiteralExpression(e)) {
    for (const x of e.elements) {
      const found = credentialIn(context, x, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (ts.isObjectLiteralExpression(e)) return objectCredential(context, e, depth);
  if (ts.isCallExpression(e)) {
    const name = calleeName(e);
    if (!name || !TRANSPARENT.has(name)) return undefined;
    const target = e.arguments[0] ?? (ts.isPropertyAccessExpression(e.expression) ? e.expression.expression : undefined);
    return target ? credentialIn(context, target, depth + 1) : undefined;
  }
  return undefined;
}

/** A variable named like a credential, unless it was read from something that is not one (a CSRF cookie). */
function namedCredential(context: CodeRuleContext, name: string, node: ts.Expression): string | undefined {
  if (!credentialKind(name)) return undefined;
  const init = context.model.values.initializerOf(name);
  if (init) {
    const u = unwrap(init);
    if (ts.isStringLiteralLike(u) || ts.isNumericLiteral(u)) return undefined;
    const chain = accessChain(u);
    const last = chain?.[chain.length - 1];
    if (last && isNonCredentialTokenName(last)) return undefined;
  }
  return node.getText(context.sourceFile);
}

function objectCredential(context: CodeRuleContext, obj: ts.ObjectLiteralExpression, depth: number): string | undefined {
  for (const p of obj.properties) {
    if (ts.isShorthandPropertyAssignment(p)) {
      const found = credentialIn(context, p.name, depth + 1);
      if (found) return found;
    } else if (ts.isSpreadAssignment(p)) {
      const found = credentialIn(context, p.expression, depth + 1);
      if (found) return found;
    } else if (ts.isPropertyAssignment(p)) {
      const v = unwrap(p.initializer);
      const found = credentialIn(context, v, depth + 1);
      if (found) return found;
      // `{ token: t }`: the key says what the value is, unless the value is a literal or a computed summary
      const key = propertyName(p.name);
      if (key && credentialKind(key) && !isNonCredentialTokenName(key) && (ts.isIdentifier(v) || ts.isPropertyAccessExpression(v))) return `${key}: ${v.getText(context.sourceFile)}`;
    }
  }
  return undefined;
}

/** `const config = { token: process.env.TOKEN }; log(config)`: a constant object holding a credential. */
function constantObject(context: CodeRuleContext, id: ts.Identifier, depth: number): string | undefined {
  const obj = context.model.values.objectLiteral(id);
  if (!obj || depth > 4) return undefined;
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p) && !ts.isShorthandPropertyAssignment(p)) continue;
    const v = ts.isPropertyAssignment(p) ? p.initializer : p.name;
    const source = credentialSource(context.model, v);
    if (source) return `${id.text} (holds ${source})`;
  }
  return undefined;
}
