import { ts } from '../../src/ts';
import personalData from '../../data/personal-data.json';
import { createCodeRule, type CodeRuleContext } from '../../src/rule';
import { requireSpecifier } from '../../src/model/file-model';
import { accessChain, calleeName, unwrap } from '../../src/model/syntax';
import { DEBUG_MODULE, loggers, sends as sendMethods } from '../../src/model/sinks';
import { credentialValue, servedCredential } from '../../src/lexicon/credentials/credential-value';
import { nameWords } from '../../src/lexicon/credentials/secret-shape';
import { requestErrorCredential } from '../../src/lexicon/credentials/request-errors';

/** Logs and messages print whole objects: one that holds a credential prints it. */
const PRINTED = { objects: true };
/** An error's message is text: an object in it prints as [object Object]. */
const IN_TEXT = { objects: false };

type Sink = { label: string; debug: boolean } | undefined;
const RESPONSE_RECEIVERS = new Set(['res', 'response', 'reply']);
/** The response methods personal-data-to-a-requester uses too (rules/data/personal-data.json `responses`). */
const RESPONSE_METHODS: ReadonlySet<string> = new Set(personalData.responses.methods);

export default createCodeRule({
  meta: {
    id: 'credential-logged',
    target: 'code',
    description: 'Tokens, secrets and passwords (secret env vars, bot.auth, config modules) written to logs, sent into conversations or HTTP responses, or put into error messages.',
    clauses: ['B.2'],
    severity: 'error',
    securitySeverity: 6.5,
    fixable: false,
    messages: {
      logged: '{{what}} is written to the log by {{sink}}: logs are kept, shipped and read by people who must not hold this credential; log a masked form (e.g. the last 4 characters) or nothing',
      debugLogged: '{{what}} is printed by {{sink}} whenever DEBUG enables that namespace: log a masked form (e.g. the last 4 characters) or nothing',
      requestError: '{{sink}} logs the error of a request whose URL carries {{param}}: HTTP clients put the URL in the error message, so every failed request logs the credential; log the error\'s code or status instead',
      thrown: '{{what}} is put into an error message: errors are logged, reported and shown by whoever catches them; say which credential is wrong without printing it',
      sent: '{{what}} is sent into a conversation: everyone who reads it there can use the credential',
      served: '{{what}} is sent in an HTTP response: whoever calls this route (any browser, anyone who finds the URL) gets the credential; keep it on the server',
    },
  },
  create(context) {
    const sends = new Set(context.model.sdk.calls.filter((c) => c.kind === 'send').map((c) => c.call));
    return {
      [ts.SyntaxKind.CallExpression](node) {
        const call = node as ts.CallExpression;
        if (isResponse(call)) {
          const what = call.arguments[0] ? servedCredential(context.model, call.arguments[0]) : undefined;
          if (what) context.report({ messageId: 'served', data: { what }, start: call.getStart(context.sourceFile), end: call.getEnd() });
          return;
        }
        const isSend = sends.has(call);
        const sink = isSend ? undefined : sinkOf(context, call);
        if (!isSend && !sink) return;
        // bot.send(conversation, message) / conversation.say(message)
        const messageIndex = sendMethods.isSdkMethod(calleeName(call) ?? '') ? 1 : 0;
        const args = isSend ? call.arguments.slice(messageIndex, messageIndex + 1) : call.arguments;
        for (const arg of args) {
          const what = credentialValue(context.model, arg, PRINTED);
          if (!what) {
            const param = sink ? requestErrorCredential(context.model, arg) : undefined;
            if (!param) continue;
            context.report({ messageId: 'requestError', data: { param, sink: sink!.label }, start: call.getStart(context.sourceFile), end: call.getEnd(), severity: sink!.debug ? 'warning' : undefined });
            return;
          }
          const messageId = isSend ? 'sent' : sink!.debug ? 'debugLogged' : 'logged';
          context.report({ messageId, data: { what, sink: sink?.label ?? '' }, start: call.getStart(context.sourceFile), end: call.getEnd(), severity: sink?.debug ? 'warning' : undefined });
          return;
        }
      },
      [ts.SyntaxKind.NewExpression](node) {
        // throw new Error('invalid api key: ' + apiKey)
        const n = node as ts.NewExpression;
        const ctor = unwrap(n.expression);
        if (!ts.isIdentifier(ctor) || !ctor.text.endsWith('Error') || !isThrown(n)) return;
        const message = n.arguments?.[0];
        const what = message ? credentialValue(context.model, message, IN_TEXT) : undefined;
        if (what) context.report({ messageId: 'thrown', data: { what }, start: n.getStart(context.sourceFile), end: n.getEnd() });
      },
    };
  },
});

/** `res.json(x)`, `res.send(x)`, `reply.send(x)` (Fastify), `h.response(x)` (Hapi): the answer to an HTTP request. */
function isResponse(call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return false;
  const receiver = callee.expression.text;
  const method = callee.name.text;
  if (receiver === 'h') return method === 'response';
  return RESPONSE_RECEIVERS.has(receiver) && RESPONSE_METHODS.has(method);
}

/** `throw new Error(…)`, `reject(new Error(…))`, `Promise.reject(new Error(…))`, `callback(new Error(…))`. */
function isThrown(n: ts.NewExpression): boolean {
  const p = n.parent;
  if (ts.isThrowStatement(p)) return true;
  if (!ts.isCallExpression(p) || p.arguments[0] !== n) return false;
  const name = calleeName(p);
  return name === 'reject' || name === 'callback' || name === 'cb' || name === 'done' || name === 'next';
}

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
  if (loggers.isFunctionName(name) || isLevelFunctionName(name)) return { label: `${name}()`, debug: false };
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

/** `logError`, `logWarning`, `log_info`, `loggerDebug`: a function named for a logger and one of its levels. */
function isLevelFunctionName(name: string): boolean {
  const words = nameWords(name);
  return words.length === 2 && loggers.isFunctionName(words[0]!) && loggers.isLevelMethod(words[1]!);
}
