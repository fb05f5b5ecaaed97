import type { ts } from '../../ts';
import type { HttpClientKind } from '../http';

/**
 * What an expression can hold, as far as the rules care. An expression may hold several (a conditional, a
 * variable assigned in two places); holding none of these is "unknown".
 */
export type AbstractValue =
  /** The chipchat module or its constructor (`require('chipchat')`, `import ChipChat from 'chipchat'`). */
  | { kind: 'sdk-module' }
  /** An SDK instance (`new ChipChat(…)`). */
  | { kind: 'sdk' }
  /** A resource of an instance (`bot.contacts`). */
  | { kind: 'sdk-resource'; resource: string }
  /** What `bot.<resource>.<method>()` returns (awaited or not). */
  | { kind: 'sdk-result'; resource: string; method: string }
  /** A conversation context: a handler's context, `bot.conversation(id)`. */
  | { kind: 'context' }
  /** An HTTP library (`axios`, `got`, `fetch`) or a client made from one, with its base URL when known. */
  | { kind: 'http'; client: HttpClientKind; baseUrl?: string; made: boolean; /** made with a base URL the analysis cannot read */ baseUnread?: boolean }
  /** An object literal (its properties are looked up on demand). */
  | { kind: 'object'; node: ts.ObjectLiteralExpression }
  /** An instance of a class of this file. */
  | { kind: 'instance'; cls: ts.ClassLikeDeclaration }
  /** A class of this file (`new C()` makes an instance). */
  | { kind: 'class'; cls: ts.ClassLikeDeclaration }
  /** A function of this file (calling it gives what it returns). */
  | { kind: 'function'; fn: ts.FunctionLikeDeclaration };

export type Kind = AbstractValue['kind'];

export function holds<K extends Kind>(values: readonly AbstractValue[], kind: K): Extract<AbstractValue, { kind: K }> | undefined {
  for (const v of values) if (v.kind === kind) return v as Extract<AbstractValue, { kind: K }>;
  return undefined;
}

/** Adds `more` to `into`, leaving out values already there (by kind and what identifies them). */
export function join(into: AbstractValue[], more: readonly AbstractValue[]): AbstractValue[] {
  for (const v of more) if (!into.some((w) => same(v, w))) into.push(v);
  return into;
}

function same(a: AbstractValue, b: AbstractValue): boolean {
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'sdk-resource':
      return a.resource === (b as typeof a).resource;
    case 'sdk-result':
      return a.resource === (b as typeof a).resource && a.method === (b as typeof a).method;
    case 'http':
      return a.client === (b as typeof a).client && a.baseUrl === (b as typeof a).baseUrl && a.made === (b as typeof a).made && a.baseUnread === (b as typeof a).baseUnread;
    case 'object':
      return a.node === (b as typeof a).node;
    case 'instance':
    case 'class':
      return a.cls === (b as typeof a).cls;
    case 'function':
      return a.fn === (b as typeof a).fn;
    default:
      return true;
  }
}
