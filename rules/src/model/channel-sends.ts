import vocabulary from '../../data/channel-sends.json';
import { ts } from '../ts';
import { requireSpecifier, type FileModel } from './file-model';
import { objectProperty, unwrap } from './syntax';

/** A call that sends a message to a person through a messaging package other than chipchat. */
export interface ChannelSend {
  call: ts.CallExpression;
  /** What the message travels over ("SMS (Twilio)", "Telegram", "chat" when the package is not shown). */
  channel: string;
  /** The expression naming who receives it, when the call shows it. */
  recipient?: ts.Expression;
  text?: ts.Expression;
  /** False for a `sendMessage(to, text)` on a client whose package the code does not show. */
  known: boolean;
}

interface ArgPlace { arg: number; property?: string }
interface SendMethod { path: string; recipient: ArgPlace; text: ArgPlace }

const BY_MODULE = new Map<string, { channel: string; methods: SendMethod[] }>();
for (const p of vocabulary.packages) for (const m of p.modules) BY_MODULE.set(m, { channel: p.channel, methods: p.methods });
const SEND_NAMES: ReadonlySet<string> = new Set(vocabulary.sendMessageNames);
const NO_BINDINGS = new Map<ts.Node, ts.Expression>();
const MAX_DEPTH = 8;

const memo = new WeakMap<FileModel, ChannelSend[]>();

/** Whether the file loads a package of rules/data/channel-sends.json. */
export function loadsChannelPackage(model: FileModel): boolean {
  return model.imports.some((i) => BY_MODULE.has(i.spec));
}

/** Sends through the packages of rules/data/channel-sends.json only: nothing to look for in a file that imports none. */
export function knownChannelSends(model: FileModel): readonly ChannelSend[] {
  return loadsChannelPackage(model) ? channelSends(model).filter((s) => s.known) : [];
}

/** The file's sends through other messaging channels (rules/data/channel-sends.json), computed once per model. */
export function channelSends(model: FileModel): readonly ChannelSend[] {
  const known = memo.get(model);
  if (known) return known;
  const out: ChannelSend[] = [];
  const usesPackage = loadsChannelPackage(model);
  const sdkCalls = new Set<ts.Node>(model.sdk.calls.map((c) => c.call));
  for (const call of model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
    const callee = unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || sdkCalls.has(call)) continue;
    if (usesPackage) {
      const origin = originOf(model, callee, 0);
      const pkg = origin ? BY_MODULE.get(origin.module) : undefined;
      const method = pkg?.methods.find((m) => m.path === origin!.path.join('.'));
      if (pkg && method) {
        out.push({ call, channel: pkg.channel, recipient: argument(model, call, method.recipient), text: argument(model, call, method.text), known: true });
        continue;
      }
    }
    if (SEND_NAMES.has(callee.name.text) && call.arguments.length >= 2) out.push({ call, channel: 'chat', recipient: call.arguments[0], text: call.arguments[1], known: false });
  }
  memo.set(model, out);
  return out;
}

function argument(model: FileModel, call: ts.CallExpression, place: ArgPlace): ts.Expression | undefined {
  const arg = call.arguments[place.arg];
  if (!arg || place.property === undefined) return arg;
  const obj = model.values.objectLiteral(arg);
  return obj ? objectProperty(obj, place.property) : undefined;
}

/**
 * The messaging module an expression comes from and the member path read off its client: `sms.messages` with
 * `const sms = twilio(sid, token)` → twilio, ['messages']. Names are followed through the value-tracking layer's
 * candidates (declarations, assignments, class fields, parameters bound at the file's call sites).
 */
function originOf(model: FileModel, expr: ts.Expression, depth: number): { module: string; path: string[] } | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let e = unwrap(expr);
  while (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  if (ts.isIdentifier(e)) {
    const module = moduleOf(model, e.text);
    if (module !== undefined) return BY_MODULE.has(module) ? { module, path: [] } : undefined;
    return firstOrigin(model, model.tracker.candidates(e, NO_BINDINGS), depth);
  }
  if (ts.isPropertyAccessExpression(e)) {
    if (e.expression.kind === ts.SyntaxKind.ThisKeyword) return firstOrigin(model, model.tracker.memberCandidates(e, NO_BINDINGS), depth);
    const o = originOf(model, e.expression, depth + 1);
    return o && { module: o.module, path: [...o.path, e.name.text] };
  }
  if (ts.isCallExpression(e)) {
    const spec = requireSpecifier(e);
    if (spec !== undefined) return BY_MODULE.has(spec) ? { module: spec, path: [] } : undefined;
  }
  if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
    // `twilio(sid, token)`, `new twilio.Twilio(…)`, `nodemailer.createTransport(…)` make a client
    const o = originOf(model, e.expression, depth + 1);
    return o && o.path.length <= 1 ? { module: o.module, path: [] } : undefined;
  }
  return undefined;
}

function firstOrigin(model: FileModel, candidates: readonly ts.Expression[] | undefined, depth: number): { module: string; path: string[] } | undefined {
  for (const c of (candidates ?? []).slice(0, 4)) {
    const o = originOf(model, c, depth + 1);
    if (o) return o;
  }
  return undefined;
}

function moduleOf(model: FileModel, name: string): string | undefined {
  return model.requireBindings.get(name) ?? model.imports.find((i) => i.names.includes(name))?.spec;
}
