import { ts } from '../ts';
import { calleeName, isFunctionLike, unwrap } from '../model/syntax';

/**
 * Consent as code shows it: fields and checks named for an opt-in or opt-out (optIn, marketingConsent,
 * subscribed, allowMarketing, toestemming, doNotContact, unsubscribed …). Shared by every rule that asks
 * whether a person agreed before their data is sent or they are messaged.
 */
const CONSENT = /opt_?-?in|opted_?in|consent|subscribed|subscription|allow_?marketing|marketing_?allowed|toestemming|do_?not_?contact|opt_?-?out|unsubscrib/i;

/** A name (a field, a variable, a function) that stands for consent or its withdrawal. */
export function namesConsent(name: string): boolean {
  return CONSENT.test(name);
}

/** Whether an expression reads a consent field or calls a consent check (`lead.optIn`, `hasConsent(id)`, `c['marketing_consent']`). */
export function mentionsConsentIn(expr: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && CONSENT.test(n.text)) found = true;
    else if (ts.isStringLiteralLike(n) && n.text.split(/[^A-Za-z_]+/).some((w) => CONSENT.test(w))) found = true;
    else if (ts.isCallExpression(n) && CONSENT.test(calleeName(n) ?? '')) found = true;
    if (!found && !isFunctionLike(n)) ts.forEachChild(n, visit);
  };
  visit(expr);
  return found;
}

/**
 * Whether `node` only runs after a consent check: inside a branch of an `if` (or `?:`, `&&`) whose condition
 * checks consent, or after `if (!lead.optIn) return;` earlier in an enclosing block, up to the enclosing function.
 * Which way the check goes is not judged: code that asks about consent before sending shows the lawful basis the
 * app relies on.
 */
export function isConsentGuarded(node: ts.Node, callSitesOf?: (fn: ts.Node) => readonly ts.Node[], depth = 0): boolean {
  for (let cur: ts.Node = node; cur.parent; cur = cur.parent) {
    const p = cur.parent;
    if (ts.isIfStatement(p) && cur !== p.expression && mentionsConsentIn(p.expression)) return true;
    if (ts.isConditionalExpression(p) && cur !== p.condition && mentionsConsentIn(p.condition)) return true;
    if (ts.isBinaryExpression(p) && p.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && cur === p.right && mentionsConsentIn(p.left)) return true;
    if (ts.isBlock(p) || ts.isSourceFile(p)) {
      for (const stmt of p.statements) {
        if (stmt === cur) break;
        if (ts.isIfStatement(stmt) && exits(stmt.thenStatement) && mentionsConsentIn(stmt.expression)) return true;
      }
    }
    if (isFunctionLike(p)) {
      // `contacts.filter((c) => c.optIn).forEach(send)`: the callback runs for those who agreed
      const call = p.parent && ts.isCallExpression(p.parent) ? p.parent : undefined;
      const receiver = call && ts.isPropertyAccessExpression(call.expression) ? unwrap(call.expression.expression) : undefined;
      if (receiver && ts.isCallExpression(receiver) && calleeName(receiver) === 'filter' && receiver.arguments.some((a) => mentionsConsentIn(a))) return true;
      // `if (lead.optIn) await pushLead(lead)`: a function of the file that runs only from guarded calls
      const sites = callSitesOf && depth < 2 ? callSitesOf(p) : [];
      return sites.length > 0 && sites.every((site) => isConsentGuarded(site, callSitesOf, depth + 1));
    }
  }
  return false;
}

function exits(stmt: ts.Statement): boolean {
  const last = ts.isBlock(stmt) ? stmt.statements[stmt.statements.length - 1] : stmt;
  return !!last && (ts.isReturnStatement(last) || ts.isThrowStatement(last) || ts.isContinueStatement(last) || ts.isBreakStatement(last));
}
