import { ts } from '../../src/ts';
import type { FileModel } from '../../src/model/file-model';
import { hostOf } from '../../src/model/hosts';
import { effectiveUrl } from '../../src/model/http';
import { DEBUG_MODULE, loggers, stores } from '../../src/model/sinks';
import { isFunctionLike, unwrap } from '../../src/model/syntax';

/** `how` is a function where it costs something (an HTTP call's host is a URL parse): few sinks get a finding. */
export interface Sink { how: string | (() => string); args: ts.Expression[] }

type HttpCall = FileModel['http']['calls'][number];
type SdkCall = FileModel['sdk']['calls'][number];

const MODELS = /^[A-Z]|prisma|db|model/;

/**
 * Where a call puts its arguments: storage, a log, another host, a message. `http`/`sdk` are the file's HTTP and
 * SDK calls by call node.
 */
export function sinkOf(call: ts.CallExpression, name: string | undefined, callee: ts.Expression, model: FileModel, http: Map<ts.CallExpression, HttpCall>, sdk: Map<ts.CallExpression, SdkCall>): Sink | undefined {
  // callbacks run later with their own data: `ask(question, (answer) => …)` does not send the answer
  // (plainArgs, worked out only for the calls that are sinks: this runs on every call of the file)
  const target = ts.isPropertyAccessExpression(callee) ? unwrap(callee.expression) : undefined;
  const targetName = target && ts.isIdentifier(target) ? target.text : target && ts.isPropertyAccessExpression(target) ? target.name.text : undefined;
  if (ts.isIdentifier(callee) && isLogFunction(callee.text)) return { how: `logged (${callee.text}())`, args: plainArgs(call) };
  if (name && targetName && isLogMethodOn(targetName, name)) return { how: `logged (${targetName}.${name}())`, args: plainArgs(call) };
  const h = http.get(call);
  if (h) {
    const how = (): string => {
      const url = effectiveUrl(h);
      const host = url ? hostOf(url) : undefined;
      return `sent to ${host ?? 'another service'} over HTTP`;
    };
    return { how, args: [h.body, h.urlNode].filter((x): x is ts.Expression => !!x) };
  }
  const s = sdk.get(call);
  if (s?.kind === 'send') return { how: 'sent on in a message (kept in the conversation history)', args: plainArgs(call) };
  if (s?.kind === 'command' && s.method === 'set') return { how: 'stored in the conversation (conversation.set())', args: plainArgs(call) };
  if (s?.kind === 'resource' && s.method !== 'get' && s.method !== 'list' && s.method !== 'delete') return { how: `written to Web1on1 (${s.resource}.${s.method}())`, args: plainArgs(call) };
  if (name && (stores.isMethod(name) || (name === 'set' && targetName && stores.isKeyValueReceiver(targetName)) || (name === 'create' && targetName && MODELS.test(targetName)))) {
    return { how: `stored (${name}())`, args: plainArgs(call) };
  }
  if (name && stores.isSqlMethod(name)) {
    const args = plainArgs(call);
    if (stores.isSqlWrite(model.values.string(args[0])?.text ?? '')) return { how: 'stored (SQL)', args };
  }
  return undefined;
}

/** `log(x)`, `logger(x)`, `debug(x)`: called directly, a logger. */
export function isLogFunction(name: string): boolean {
  return loggers.isFunctionName(name) || name.toLowerCase() === DEBUG_MODULE;
}

/** `console.dir(x)`, `logger.crit(x)`, `this.log.info(x)`. */
function isLogMethodOn(receiver: string, method: string): boolean {
  return receiver.toLowerCase() === 'console' ? loggers.isConsoleMethod(method) : loggers.isReceiverName(receiver) && loggers.isLevelMethod(method);
}

export function plainArgs(call: ts.CallExpression): ts.Expression[] {
  return call.arguments.filter((a) => !isFunctionLike(unwrap(a)));
}
