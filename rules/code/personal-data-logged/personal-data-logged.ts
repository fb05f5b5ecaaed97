import { ts } from '../../src/ts';
import { accessChain, unwrap } from '../../src/model/syntax';
import { createCodeRule, type CodeRuleContext } from '../../src/rule';
import { DEBUG_MODULE, loggers as logging } from '../../src/model/sinks';

/** Events whose messages come from the dealer's staff, bots or the system (agent postbacks, commands, mentions). */
const STAFF_MESSAGE_EVENT = /^(assign|command|mention|notify|message\.create\.(agent|bot|system)(\.|$))/;

type LoggerKind = 'console' | 'debug' | 'library';

export default createCodeRule({
  meta: {
    id: 'personal-data-logged',
    target: 'code',
    description: 'Consumer personal data (contact objects, e-mail, phone, name, message text) written to logs.',
    clauses: ['A.6'],
    severity: 'warning',
    fixable: false,
    messages: {
      logged: '{{what}} is written to the log ({{logger}}): logs keep personal data outside any lawful basis, retention or erasure; log an id instead',
      debugLogged: '{{what}} is written to a debug log ({{logger}}, printed when DEBUG is set): log an id instead',
    },
  },
  create(context) {
    const loggers = new Map<string, LoggerKind>();
    return {
      [ts.SyntaxKind.VariableDeclaration](node) {
        const d = node as ts.VariableDeclaration;
        if (!d.initializer) return;
        const kind = loggerCreatedBy(context, d.initializer, loggers);
        if (!kind) return;
        if (ts.isIdentifier(d.name)) loggers.set(d.name.text, kind);
        // const { log } = console
        else if (ts.isObjectBindingPattern(d.name)) for (const el of d.name.elements) if (ts.isIdentifier(el.name)) loggers.set(el.name.text, kind);
      },
      [ts.SyntaxKind.CallExpression](node) {
        const call = node as ts.CallExpression;
        const handed = loggerHandedResult(context, call, loggers);
        if (handed) {
          context.report({
            messageId: handed.logger.kind === 'debug' ? 'debugLogged' : 'logged',
            data: { what: capitalise(handed.what), logger: handed.logger.name },
            start: handed.node.getStart(context.sourceFile),
            end: handed.node.getEnd(),
            severity: handed.logger.kind === 'debug' || context.isTestFile ? 'info' : undefined,
          });
          return;
        }
        const logger = loggerOf(context, call, loggers);
        if (!logger) return;
        for (const arg of call.arguments) {
          const ref = context.personalData.refIn(arg, 0, true);
          if (!ref || (ref.what.startsWith('message') && staffMessagesOnly(context, call))) continue;
          const lower = logger.kind === 'debug' || context.isTestFile;
          context.report({
            messageId: logger.kind === 'debug' ? 'debugLogged' : 'logged',
            data: { what: capitalise(ref.what), logger: logger.name },
            start: arg.getStart(context.sourceFile),
            end: arg.getEnd(),
            severity: lower ? 'info' : undefined,
          });
          return;
        }
      },
    };
  },
});

/** What a declaration's initialiser makes of its name: a `debug` logger, a library logger or a console alias. */
function loggerCreatedBy(context: CodeRuleContext, init: ts.Expression, known: Map<string, LoggerKind>): LoggerKind | undefined {
  let e = unwrap(init);
  // console.log.bind(console)
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'bind') e = unwrap(e.expression.expression);
  if (ts.isIdentifier(e) && e.text === 'console') return 'console';
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'console' && logging.isConsoleMethod(e.name.text)) return 'console';
  if (!ts.isCallExpression(e) && !ts.isNewExpression(e)) return undefined;
  const callee = unwrap(e.expression);
  const spec = moduleOf(context, callee);
  // debug('app:bot') / require('debug')('app:bot')
  if (spec === DEBUG_MODULE) return 'debug';
  if (spec && logging.isModule(spec)) return 'library';
  // winston.createLogger(…), log4js.getLogger(), logger.child({ … }), new winston.Logger()
  if (ts.isPropertyAccessExpression(callee) && logging.isFactory(callee.name.text)) {
    const base = moduleOf(context, unwrap(callee.expression));
    if (base && logging.isModule(base)) return 'library';
    const chain = accessChain(callee.expression);
    const root = chain?.[chain.length - 1];
    if (root && known.get(root)) return known.get(root);
  }
  return undefined;
}

/** The module an identifier or `require('x')` call stands for. */
function moduleOf(context: CodeRuleContext, node: ts.Expression): string | undefined {
  if (ts.isIdentifier(node)) return context.model.requireBindings.get(node.text);
  if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require') {
    const a = node.arguments[0];
    return a && ts.isStringLiteralLike(a) ? a.text : undefined;
  }
  return undefined;
}

function loggerOf(context: CodeRuleContext, call: ts.CallExpression, loggers: Map<string, LoggerKind>): { kind: LoggerKind; name: string } | undefined {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) {
    const kind = loggers.get(callee.text);
    return kind ? { kind, name: `${callee.text}()` } : undefined;
  }
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  // every logger answers to a level or console method: most calls are something else and need no chain
  if (!logging.isLevelMethod(method) && !logging.isConsoleMethod(method)) return undefined;
  const chain = accessChain(callee.expression);
  if (!chain) return undefined;
  if (chain.length === 1 && chain[0] === 'console') return logging.isConsoleMethod(method) ? { kind: 'console', name: `console.${method}()` } : undefined;
  if (!logging.isLevelMethod(method)) return undefined;
  const name = `${chain.join('.')}.${method}()`;
  const last = chain[chain.length - 1]!;
  const known = chain.length === 1 ? loggers.get(last) : undefined;
  if (known === 'library' || known === 'console') return { kind: known, name };
  const spec = chain.length === 1 ? context.model.requireBindings.get(last) : undefined;
  if (spec && logging.isModule(spec)) return { kind: 'library', name };
  if (logging.isReceiverName(last) && known !== 'debug') return { kind: 'library', name };
  return undefined;
}

/** `bot.conversations.get(id).then(console.log)`: a logger handed a promise's result as its callback. */
function loggerHandedResult(context: CodeRuleContext, call: ts.CallExpression, loggers: Map<string, LoggerKind>): { logger: { kind: LoggerKind; name: string }; what: string; node: ts.Expression } | undefined {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'then' || !call.arguments[0]) return undefined;
  const handler = unwrap(call.arguments[0]);
  let logger: { kind: LoggerKind; name: string } | undefined;
  if (ts.isPropertyAccessExpression(handler) && ts.isIdentifier(handler.expression) && handler.expression.text === 'console' && logging.isConsoleMethod(handler.name.text)) logger = { kind: 'console', name: `console.${handler.name.text}()` };
  else if (ts.isIdentifier(handler) && loggers.has(handler.text)) logger = { kind: loggers.get(handler.text)!, name: `${handler.text}()` };
  if (!logger) return undefined;
  const ref = context.personalData.ref(callee.expression);
  return ref ? { logger, what: ref.what, node: handler } : undefined;
}

/** Inside a handler that only receives staff or system messages: their text is not a consumer's. */
function staffMessagesOnly(context: CodeRuleContext, node: ts.Node): boolean {
  const events = context.model.sdk.handlerOf(node)?.events ?? [];
  return events.length > 0 && events.every((e) => STAFF_MESSAGE_EVENT.test(e));
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
