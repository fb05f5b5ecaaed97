import { ts } from '../../src/ts';
import { effectiveUrl } from '../../src/model/http';
import { hostOf, isApiHost } from '../../src/model/hosts';
import { objectProperty, propertyName, unwrap } from '../../src/model/syntax';
import { HOLE } from '../../src/model/values';
import { createCodeRule, type CodeRuleContext } from '../../src/rule';

/** Collections of people: the dealer's consumers, their conversations and messages, its staff. */
const PERSONAL_COLLECTIONS = new Set(['contacts', 'conversations', 'messages', 'users']);
/** Query keys that shape a result but neither narrow nor cap it. */
const NON_NARROWING_KEYS = new Set(['sort', 'select', 'populate', 'offset']);
/** A countLimit this high reads everything there is. */
const EFFECTIVELY_UNLIMITED = 1_000_000;
const WHAT: Record<string, string> = { contacts: 'contacts', conversations: 'conversations', messages: 'messages', users: 'staff accounts (users)' };
const COLLECTION_PATH = /^\/v2\/(contacts|conversations|messages|users)\/?$/;

type Verdict = 'unbounded' | 'bounded' | 'unknown';

export default createCodeRule({
  meta: {
    id: 'bulk-data-read',
    target: 'code',
    // reports SDK list calls, REST GETs, and countLimit only in files that use Web1on1
    requires: ['sdk', 'http-calls'],
    description: 'Lists of contacts, conversations, messages or users with neither a filter nor a limit, and pagination with countLimit: Infinity.',
    clauses: ['C.1', 'F.1'],
    severity: 'warning',
    fixable: false,
    messages: {
      sdkList: '{{call}} with {{how}} reads every one of the dealer\'s {{what}}: filter it (e.g. by conversation or date) or set a limit',
      restList: '{{call}} with neither a filter nor a limit reads every one of the dealer\'s {{what}}: filter it (e.g. by conversation or date) or set a limit',
      countLimit: 'countLimit: {{value}} pages through every record the API returns: a bulk read of Customer Data that also loads the platform; set the countLimit the feature needs (the SDK default is 2000)',
    },
  },
  create(context) {
    const { model } = context;
    return {
      [ts.SyntaxKind.PropertyAssignment](node) {
        const p = node as ts.PropertyAssignment;
        if (propertyName(p.name) !== 'countLimit' || !isPaginationObject(p.parent) || !usesWeb1on1(context)) return;
        const value = unlimitedValue(context, p.initializer);
        if (value) context.report({ messageId: 'countLimit', data: { value }, start: p.getStart(context.sourceFile), end: p.getEnd() });
      },
      onEnd() {
        for (const c of model.sdk.calls) {
          if (c.kind !== 'resource' || c.method !== 'list' || !c.resource || !PERSONAL_COLLECTIONS.has(c.resource)) continue;
          const arg = c.call.arguments[0];
          if (queryVerdict(context, arg) !== 'unbounded') continue;
          const how = !arg || isNothing(arg) || isFunction(arg) ? 'no query' : 'only sorting or field selection';
          const call = `${c.call.expression.getText(context.sourceFile).replace(/\s+/g, '')}()`;
          context.report({ messageId: 'sdkList', data: { call, how, what: WHAT[c.resource]! }, start: c.call.getStart(context.sourceFile), end: c.call.getEnd() });
        }
        for (const h of model.http.calls) {
          if (h.method !== 'GET') continue;
          const url = effectiveUrl(h);
          const host = url ? hostOf(url) : undefined;
          if (!url || !host || !isApiHost(host)) continue;
          const [path = '', query] = url.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?', 2);
          const m = COLLECTION_PATH.exec(path);
          if (!m) continue;
          const fromUrl = query === undefined ? 'unbounded' : query.includes(HOLE) ? 'unknown' : keysVerdict(queryKeys(query));
          const params = h.options ? objectPropertyOf(context, h.options, h.client === 'got' ? 'searchParams' : 'params') ?? objectPropertyOf(context, h.options, 'searchParams') : undefined;
          const fromParams: Verdict = params === undefined ? 'unbounded' : queryVerdict(context, params);
          if (fromUrl !== 'unbounded' || fromParams !== 'unbounded') continue;
          context.report({ messageId: 'restList', data: { call: `GET ${path}`, what: WHAT[m[1]!]! }, start: h.call.getStart(context.sourceFile), end: h.call.getEnd() });
        }
      },
    };
  },
});

/** Whether a list query narrows or caps the result: unbounded when empty or only sort/select/populate/offset. */
function queryVerdict(context: CodeRuleContext, arg: ts.Expression | undefined): Verdict {
  if (!arg || isNothing(arg) || isFunction(arg)) return 'unbounded';
  const obj = context.model.values.objectLiteral(arg);
  if (obj) {
    if (obj.properties.some((p) => ts.isSpreadAssignment(p) || (p.name !== undefined && ts.isComputedPropertyName(p.name)))) return 'unknown';
    return keysVerdict(context.model.values.propertyNames(obj));
  }
  const s = context.model.values.string(arg);
  if (s) return s.exact ? keysVerdict(queryKeys(s.text)) : 'unknown';
  return 'unknown';
}

function keysVerdict(keys: string[]): Verdict {
  return keys.every((k) => NON_NARROWING_KEYS.has(k)) ? 'unbounded' : 'bounded';
}

function queryKeys(query: string): string[] {
  return query.replace(/^\?/, '').split('&').map((kv) => decodeKey(kv.split('=')[0] ?? '')).filter(Boolean);
}

function decodeKey(k: string): string {
  try {
    return decodeURIComponent(k).split(/[.[]/)[0] ?? '';
  } catch {
    return k;
  }
}

function isNothing(e: ts.Expression): boolean {
  const u = unwrap(e);
  return u.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(u) && u.text === 'undefined');
}

function isFunction(e: ts.Expression): boolean {
  const u = unwrap(e);
  return ts.isArrowFunction(u) || ts.isFunctionExpression(u);
}

function objectPropertyOf(context: CodeRuleContext, options: ts.Expression, name: string): ts.Expression | undefined {
  const obj = context.model.values.objectLiteral(options);
  return obj ? objectProperty(obj, name) : undefined;
}

/** `pagination: { … }`, `const pagination = { … }`, `new ChipChat({ pagination: { … } })`. */
function isPaginationObject(obj: ts.Node): boolean {
  if (!ts.isObjectLiteralExpression(obj)) return false;
  const parent = obj.parent;
  if (ts.isPropertyAssignment(parent)) return propertyName(parent.name) === 'pagination';
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return /pagination|paging/i.test(parent.name.text);
  return false;
}

/** Only pagination of the Web1on1 API: the SDK is used, or a call goes to a Web1on1 API host. */
function usesWeb1on1(context: CodeRuleContext): boolean {
  const { sdk, http } = context.model;
  if (sdk.importsSdk || sdk.instanceNames.size || sdk.calls.length) return true;
  return http.calls.some((h) => {
    const url = effectiveUrl(h);
    const host = url ? hostOf(url) : undefined;
    return !!host && isApiHost(host);
  });
}

/** `Infinity`, `Number.POSITIVE_INFINITY`, `Number.MAX_SAFE_INTEGER`, a constant holding one, or ≥ 1,000,000. */
function unlimitedValue(context: CodeRuleContext, expr: ts.Expression, depth = 0): string | undefined {
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) {
    if (e.text === 'Infinity') return 'Infinity';
    const init = depth < 4 ? context.model.values.initializerOf(e.text) : undefined;
    return init && unlimitedValue(context, init, depth + 1) ? e.text : undefined;
  }
  if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'Number' && ['POSITIVE_INFINITY', 'MAX_SAFE_INTEGER', 'MAX_VALUE'].includes(e.name.text)) return e.getText(context.sourceFile);
  if (ts.isNumericLiteral(e) && Number(e.text.replace(/_/g, '')) >= EFFECTIVELY_UNLIMITED) return e.getText(context.sourceFile);
  return undefined;
}
