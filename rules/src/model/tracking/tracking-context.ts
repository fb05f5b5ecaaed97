import type { ts } from '../../ts';
import type { HttpClientKind } from '../http';
import type { ValueResolver } from '../values';
import type { AbstractValue } from './abstract-value';
import type { Declaration } from './declarations';
import type { Callable, SyntaxIndex } from './syntax-index';

/** What the model tells the tracker about modules and about its neighbours. */
export interface TrackerOptions {
  isSdkSpecifier: (spec: string) => boolean;
  httpModule: (spec: string) => HttpClientKind | undefined;
  /** Local names bound to HTTP clients made in another module of the app, with their base URL. */
  importedHttpClients?: Record<string, string>;
  /** Local names bound to SDK instances made in another module of the app. */
  importedSdkInstances?: readonly string[];
  /** The file's tree is kept for its next version: syntactic answers are remembered for it (see Declarations). */
  acrossVersions?: boolean;
  /** Local names bound to functions of another module of the app that return an SDK instance. */
  importedSdkFactories?: readonly string[];
}

/** The exports of the SDK module that are its constructor. */
export const SDK_EXPORTS = new Set(['default', 'ChipChat', 'Bot']);

/**
 * What the value functions (of declarations, members and calls) need of the tracker. They get this rather
 * than the tracker itself so that its memos and the member memo stay out of `ValueTracker`'s public API.
 */
export interface Tracking {
  readonly index: SyntaxIndex;
  readonly options: TrackerOptions;
  readonly strings: ValueResolver;
  valuesOf(expr: ts.Expression | undefined, depth: number): AbstractValue[];
  declarationOf(id: ts.Identifier): Declaration | undefined;
  declarationValues(decl: ts.Node, depth: number): AbstractValue[];
  returnValues(fn: Callable, depth: number): AbstractValue[];
  /** A member of a class or object, memoised like declarations (member reads repeat all over a class). */
  memberMemo(owner: ts.Node, name: string, depth: number, compute: (out: AbstractValue[]) => void): AbstractValue[];
}
