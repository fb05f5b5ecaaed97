import { ts } from '../../ts';
import { objectProperty, propertyName, unwrap } from '../syntax';
import { holds, join, type AbstractValue } from './abstract-value';
import { classOfThis } from './syntax-index';
import { SDK_EXPORTS, type Tracking } from './tracking-context';

/** Memo keys of `x.p = …` reads, apart from the members of the same node. */
const ASSIGNED_PREFIX = '\u0001';

/** What `this` holds at `node`: an instance of its class, and an SDK instance when the class extends the SDK. */
export function thisValues(tracking: Tracking, node: ts.Node, depth: number): AbstractValue[] {
  const cls = classOfThis(node);
  if (!cls) return [];
  const out: AbstractValue[] = [{ kind: 'instance', cls }];
  // `class DealerBot extends ChipChat`: `this` is the instance
  for (const h of cls.heritageClauses ?? []) {
    if (h.token !== ts.SyntaxKind.ExtendsKeyword) continue;
    for (const type of h.types) if (holds(tracking.valuesOf(type.expression, depth + 1), 'sdk-module')) join(out, [{ kind: 'sdk' }]);
  }
  return out;
}

/** What `target.name` can hold. */
export function memberValues(tracking: Tracking, target: ts.Expression, name: string, depth: number): AbstractValue[] {
  const owner = ts.isIdentifier(unwrap(target)) ? tracking.declarationOf(unwrap(target) as ts.Identifier) : undefined;
  return membersOf(tracking, tracking.valuesOf(target, depth + 1), name, owner, depth);
}

/** What property `name` of a value holding `values` can hold. */
/** Exports of a fetch-style module (undici, node-fetch) that take a URL and options as fetch does. */
const FETCH_LIKE_EXPORTS = new Set(['fetch', 'request']);

export function membersOf(tracking: Tracking, values: readonly AbstractValue[], name: string, owner: ts.Node | undefined, depth: number): AbstractValue[] {
  const out: AbstractValue[] = [];
  const assigned = owner ? tracking.index.propertyAssignments(owner, name) : undefined;
  // `x.p = …` read through the same memo as members: assignments that read each other must not multiply
  if (owner && assigned) join(out, tracking.memberMemo(owner, ASSIGNED_PREFIX + name, depth, (into) => {
    for (const a of assigned) join(into, tracking.valuesOf(a, depth + 1));
  }));
  for (const v of values) {
    switch (v.kind) {
      case 'sdk':
        out.push({ kind: 'sdk-resource', resource: name });
        break;
      case 'sdk-module':
        if (SDK_EXPORTS.has(name)) out.push(v);
        break;
      case 'http':
        // `const { request, fetch } = require('undici')`: the module's own request functions call like fetch
        if (!v.made && (name === 'default' || (v.client === 'fetch' && FETCH_LIKE_EXPORTS.has(name)))) out.push(v);
        break;
      case 'instance':
        join(out, classMember(tracking, v.cls, name, depth + 1));
        break;
      case 'object':
        join(out, objectMember(tracking, v.node, name, depth + 1));
        break;
      default:
        break;
    }
  }
  return out;
}

function objectMember(tracking: Tracking, obj: ts.ObjectLiteralExpression, name: string, depth: number): AbstractValue[] {
  return tracking.memberMemo(obj, name, depth, (out) => computeObjectMember(tracking, obj, name, out, depth));
}

function computeObjectMember(tracking: Tracking, obj: ts.ObjectLiteralExpression, name: string, out: AbstractValue[], depth: number): void {
  for (const p of obj.properties) {
    if (ts.isSpreadAssignment(p)) join(out, membersOf(tracking, tracking.valuesOf(p.expression, depth), name, undefined, depth));
    else if (ts.isMethodDeclaration(p) && propertyName(p.name) === name) out.push({ kind: 'function', fn: p });
  }
  const v = objectProperty(obj, name);
  if (v) join(out, tracking.valuesOf(v, depth));
  for (const a of tracking.index.propertyAssignments(obj, name) ?? []) join(out, tracking.valuesOf(a, depth));
}

/** A field initialiser, a parameter property, every `this.name = …` in the class, a method; then the base class. */
function classMember(tracking: Tracking, cls: ts.ClassLikeDeclaration, name: string, depth: number): AbstractValue[] {
  return tracking.memberMemo(cls, name, depth, (out) => computeClassMember(tracking, cls, name, out, depth));
}

function computeClassMember(tracking: Tracking, cls: ts.ClassLikeDeclaration, name: string, out: AbstractValue[], depth: number): void {
  for (const m of cls.members) {
    if (ts.isPropertyDeclaration(m) && m.name && propertyName(m.name) === name && m.initializer) join(out, tracking.valuesOf(m.initializer, depth));
    else if ((ts.isMethodDeclaration(m) || ts.isGetAccessor(m)) && m.name && propertyName(m.name) === name) {
      if (ts.isGetAccessor(m)) join(out, tracking.returnValues(m, depth));
      else out.push({ kind: 'function', fn: m });
    } else if (ts.isConstructorDeclaration(m)) {
      for (const p of m.parameters) {
        if (ts.isIdentifier(p.name) && p.name.text === name && ts.getModifiers(p)?.length) join(out, tracking.declarationValues(p, depth));
      }
    }
  }
  for (const a of tracking.index.propertyAssignments(cls, name) ?? []) join(out, tracking.valuesOf(a, depth));
  for (const h of cls.heritageClauses ?? []) {
    if (h.token !== ts.SyntaxKind.ExtendsKeyword) continue;
    for (const type of h.types) for (const v of tracking.valuesOf(type.expression, depth)) if (v.kind === 'class' && v.cls !== cls) join(out, classMember(tracking, v.cls, name, depth + 1));
  }
}
