import { ts } from '../../src/ts';
import type { AppInfo } from '../../src/app';
import type { JsonDocument } from '../../src/manifest/json-document';
import { effectiveUrl, type HttpCall } from '../../src/model/http';
import { hostOf, isLoopbackHost, isPlaceholderHost, isPlatformHost } from '../../src/model/hosts';
import type { PersonalDataRef } from '../../src/model/personal-data';
import { analyticsCalls, unauthenticatedResponses, type AnalyticsCall, type RouteResponse } from '../../src/model/personal-data-sinks';
import { objectProperty } from '../../src/model/syntax';
import { HOLE } from '../../src/model/values';
import { createCodeRule, type CodeRuleContext } from '../../src/rule';
import type { FileEdit, Fix, RelatedLocation } from '../../src/types';
import { fixTitle } from '../../src/fixes/title';
import { isConsentGuarded } from '../../src/lexicon/consent';
import { parametersIn } from '../../src/model/tracking/parameter-flow';

/** Request options that carry data in the query string rather than the body. */
const QUERY_OPTIONS = ['params', 'searchParams', 'qs', 'query'];

export default createCodeRule({
  meta: {
    id: 'personal-data-to-third-party',
    target: 'code',
    description: 'Consumer personal data sent (HTTP, analytics SDKs) to a host neither Web1on1, the developer\'s own nor a declared third party, or returned by a route that checks no credentials.',
    clauses: ['A.4'],
    severity: 'error',
    fixable: true,
    messages: {
      undeclared: '{{what}} is sent to {{host}}, which is not listed in dataProtection.thirdParties: the dealer cannot consent to a recipient it is not told about',
      noManifest: '{{what}} is sent to {{host}}, and there is no web1on1-app.json to tell the dealer which third parties receive personal data: create one and list {{host}} in dataProtection.thirdParties',
      servedToAnyone: '{{what}} is sent back to anyone who calls {{route}}: the route checks no credentials, so the personal data the app keeps is open to whoever finds the URL; require authentication or return only ids',
    },
  },
  create(context) {
    return {
      onEnd() {
        for (const h of context.model.http.calls) check(context, h);
        for (const h of outermostWrapperCalls(context)) check(context, h, h.call.arguments);
        for (const a of analyticsCalls(context.model)) checkAnalytics(context, a);
        for (const r of unauthenticatedResponses(context.model)) checkResponse(context, r);
      },
    };
  },
});

/**
 * Requests of the app's own HTTP wrappers, read at each call (`crm.upsertLead(lead)` around `this.request('POST',
 * '/leads', lead)` around `fetch`): the call that hands the data over is where it leaves. A call inside a wrapper
 * that another read call runs is left to that outer call.
 */
function outermostWrapperCalls(context: CodeRuleContext): HttpCall[] {
  const calls = context.model.http.wrapperCalls;
  if (!calls.length) return [];
  const tracker = context.model.tracker;
  const inner = new Set<ts.Node>();
  for (const h of calls) for (const fn of tracker.calleesOf(h.call)) inner.add(fn);
  const seen = new Set<ts.CallExpression>();
  return calls.filter((h) => {
    const fn = tracker.functionOf(h.call);
    if ((fn && inner.has(fn)) || seen.has(h.call)) return false;
    seen.add(h.call);
    return true;
  });
}

/** Consent checked before the data leaves (`if (lead.optIn)`, an early return without it): the app shows its lawful basis. */
function consentChecked(context: CodeRuleContext, call: ts.CallExpression): boolean {
  return isConsentGuarded(call, (fn) => context.model.tracker.callSitesOf(fn));
}

function check(context: CodeRuleContext, h: HttpCall, carriers?: readonly ts.Expression[]): void {
  const url = effectiveUrl(h);
  const host = url ? hostOf(url) : undefined;
  // an unknown or partly dynamic host (an env variable, a customer-configured endpoint) cannot be judged
  if (!host || host.includes(HOLE) || !host.includes('.')) return;
  if (isPlatformHost(host) || isLoopbackHost(host) || isPlaceholderHost(host)) return;
  const app = context.app;
  if (app?.isOwnHost(host) || isDeclared(app, host)) return;
  const found = carriers ? firstPersonal(context, carriers) : personalDataIn(context, h);
  // `pushLead(lead)` around `fetch(crm, { body: lead })`: the callers say what the data is, and the call that hands
  // it over is where it leaves, even when the wrapper's own parameters already read as a people API's request data
  const handedOver = found && carriers ? [] : fromCallers(context, h.call, carriers ?? requestParts(context, h), 0);
  if (found && !handedOver.length) {
    if (!consentChecked(context, h.call)) reportSent(context, h.call, found, host);
    return;
  }
  for (const { site, found: handed } of handedOver) {
    if (!consentChecked(context, site)) reportSent(context, site, handed, host);
  }
}

function reportSent(context: CodeRuleContext, call: ts.CallExpression, found: { ref: PersonalDataRef; node: ts.Node }, host: string): void {
  const app = context.app;
  // One severity with or without a manifest: creating the manifest must not turn a warning into an error.
  const hasManifest = !!app?.manifestObject();
  const related: RelatedLocation[] = found.node !== call ? [{ file: context.file, range: context.model.lines.range(found.node.getStart(context.sourceFile), found.node.getEnd()), message: `${found.ref.what} leaves here` }] : [];
  context.report({
    messageId: hasManifest ? 'undeclared' : 'noManifest',
    data: { what: capitalise(found.ref.what), host },
    start: call.expression.getStart(context.sourceFile),
    end: call.expression.getEnd(),
    related,
    fixes: hasManifest ? declareFix(app!, host) : undefined,
  });
}

/** `mixpanel.track('lead', { $email: lead.email })`: the analytics vendor receives what the call is given. */
function checkAnalytics(context: CodeRuleContext, a: AnalyticsCall): void {
  const app = context.app;
  if (app?.isOwnHost(a.host) || isDeclared(app, a.host)) return;
  let found: { ref: PersonalDataRef; node: ts.Node } | undefined;
  for (const arg of a.call.arguments) {
    const ref = context.personalData.refIn(arg, 0, true);
    if (ref) {
      found = { ref, node: arg };
      break;
    }
  }
  if (!found || consentChecked(context, a.call)) return;
  reportSent(context, a.call, found, a.host);
}

/** `res.json(await Lead.find())` on a route nobody has to log in to: what the app stores goes to anyone. */
function checkResponse(context: CodeRuleContext, r: RouteResponse): void {
  const ref = context.personalData.refIn(r.value);
  if (!ref?.stored) return;
  context.report({
    messageId: 'servedToAnyone',
    data: { what: capitalise(ref.what), route: r.route },
    start: r.call.getStart(context.sourceFile),
    end: r.call.getEnd(),
  });
}

/** Where a request carries data: URL, body and query options. */
function requestParts(context: CodeRuleContext, h: HttpCall): ts.Expression[] {
  const out: (ts.Expression | undefined)[] = [h.urlNode, h.body];
  const opts = context.model.values.objectLiteral(h.options);
  if (opts) for (const k of QUERY_OPTIONS) out.push(objectProperty(opts, k));
  return out.filter((x): x is ts.Expression => !!x);
}

/**
 * Calls of the function around a request that hand it personal data in the parameters the request carries,
 * through up to three of the file's functions (a client method calling its own `request`).
 */
function fromCallers(context: CodeRuleContext, call: ts.CallExpression, carriers: readonly ts.Expression[], depth: number): { site: ts.CallExpression; found: { ref: PersonalDataRef; node: ts.Node } }[] {
  const tracker = context.model.tracker;
  const fn = depth < 3 ? tracker.functionOf(call) : undefined;
  if (!fn) return [];
  const positions = parametersIn((id) => tracker.declarationOf(id), carriers, fn.parameters);
  if (!positions.length) return [];
  const out: { site: ts.CallExpression; found: { ref: PersonalDataRef; node: ts.Node } }[] = [];
  for (const site of tracker.callSitesOf(fn)) {
    if (!ts.isCallExpression(site)) continue;
    const args = positions.map((i) => site.arguments[i]).filter((a): a is ts.Expression => !!a);
    const found = firstPersonal(context, args);
    if (found) out.push({ site, found });
    else out.push(...fromCallers(context, site, args, depth + 1));
  }
  return out;
}

/** The first place in the request (URL, body, query options) that carries personal data. */
function personalDataIn(context: CodeRuleContext, h: HttpCall): { ref: PersonalDataRef; node: ts.Node } | undefined {
  const pd = context.personalData;
  const candidates: (ts.Expression | undefined)[] = [h.urlNode, h.body];
  const opts = context.model.values.objectLiteral(h.options);
  if (opts) for (const k of QUERY_OPTIONS) candidates.push(objectProperty(opts, k));
  for (const node of candidates) {
    if (!node) continue;
    const ref = pd.refIn(node, 0, true);
    if (ref) return { ref, node };
  }
  return undefined;
}

function firstPersonal(context: CodeRuleContext, nodes: readonly ts.Expression[]): { ref: PersonalDataRef; node: ts.Node } | undefined {
  for (const node of nodes) {
    const ref = context.personalData.refIn(node, 0, true);
    if (ref) return { ref, node };
  }
  return undefined;
}

/** Declared as `api.twilio.com`, `twilio.com` (covers its subdomains) or a URL. */
function isDeclared(app: AppInfo | undefined, host: string): boolean {
  if (!app) return false;
  for (const raw of app.thirdPartyHosts) {
    const bare = (hostOf(raw) ?? raw).replace(/^\*\./, '');
    const cut = bare.search(/[:/]/);
    const declared = cut < 0 ? bare : bare.slice(0, cut);
    if (declared && (host === declared || host.endsWith('.' + declared))) return true;
  }
  return false;
}

function declareFix(app: AppInfo, host: string): Fix[] {
  const doc = app.manifest!;
  const entry = { name: 'TODO: who runs ' + host, purpose: 'TODO: which personal data it receives and why', host };
  const edits = appendToArrayEdits(doc, '/dataProtection/thirdParties', entry);
  return edits.length ? [{ description: fixTitle(`Declare ${host} as a third party`, 'Declare the host as a third party'), edits, safe: false }] : [];
}

/**
 * Appends to a JSON array in the style of its last element (one line or pretty, same indentation);
 * creates the array (and its parents) when absent. jsonc-parser's own insertion re-formats the
 * whole line of the previous element, which would rewrite the developer's existing entries.
 */
function appendToArrayEdits(doc: JsonDocument, pointer: string, value: Record<string, string>): FileEdit[] {
  if (!doc.isObject) return [];
  const node = doc.node(pointer);
  if (!node) return doc.edit(pointer + '/0', value, { isArrayInsertion: true });
  if (node.type !== 'array') return [];
  const items = node.children ?? [];
  if (!items.length) return doc.edit(pointer + '/0', value, { isArrayInsertion: true });
  const last = items[items.length - 1]!;
  const text = doc.text;
  const fmt = doc.formatting();
  const lineStart = text.lastIndexOf('\n', last.offset - 1) + 1;
  const before = text.slice(lineStart, last.offset);
  const ownLine = /^[ \t]*$/.test(before);
  const lastText = text.slice(last.offset, last.offset + last.length);
  const unit = fmt.insertSpaces ? ' '.repeat(fmt.tabSize) : '\t';
  const entry = lastText.includes('\n')
    ? JSON.stringify(value, null, unit).split('\n').join(fmt.eol + (ownLine ? before : ''))
    : '{ ' + Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ') + ' }';
  const sep = ownLine ? ',' + fmt.eol + before : ', ';
  const at = last.offset + last.length;
  return [{ file: doc.path, start: at, end: at, newText: sep + entry }];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
