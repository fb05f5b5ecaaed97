import vocabulary from '../../data/platform-terms.json';
import { ts } from '../../src/ts';
import { createCodeRule, type CodeRuleContext } from '../../src/rule';
import { requireSpecifier } from '../../src/model/file-model';
import { hostOf } from '../../src/model/hosts';
import { calleeName, objectProperty, unwrap } from '../../src/model/syntax';
import { HOLE } from '../../src/model/values';
import { followChurnTimers } from '../../src/model/follow-actions';

const CLIENTS = new Map<string, (typeof vocabulary.unofficialClients)[number]>();
for (const c of vocabulary.unofficialClients) for (const m of c.modules) CLIENTS.set(m, c);
const AUTOMATION_MODULES: ReadonlySet<string> = new Set(vocabulary.browserAutomation.modules);
const AUTOMATION_OPTIONS: ReadonlySet<string> = new Set(vocabulary.browserAutomation.clientOptions);
/** A string that poses as a desktop or phone browser (`Mozilla/5.0 (Macintosh; …`). */
const BROWSER_AGENT = /^Mozilla\/5\.0 \((?:Windows|Macintosh|X11|Linux|iPhone|iPad)/;
/** Calls that request or open a URL: a login form posted or a login page opened. */
const REQUESTING = /^(post|get|put|request|fetch|got|axios|goto|navigate|open|submit|load|postForm)$/i;

type Platform = (typeof vocabulary.platforms)[number];

function platformOfHost(host: string): Platform | undefined {
  return vocabulary.platforms.find((p) => p.webHosts.includes(host));
}

/** Every platform's web-only ids and `//host` needles, built once: this runs on every string of every file. */
const ID_NEEDLES = vocabulary.platforms.flatMap((p) => p.internalIds.map((text) => ({ platform: p, text })));
const HOST_NEEDLES = vocabulary.platforms.flatMap((p) => p.webHosts.map((h) => ({ platform: p, text: `//${h}` })));

function platformOfText(text: string): Platform | undefined {
  if (text.includes('@')) for (const n of ID_NEEDLES) if (text.includes(n.text)) return n.platform;
  if (!text.includes('//')) return undefined;
  for (const n of HOST_NEEDLES) {
    const at = text.indexOf(n.text);
    // the whole host: `//facebook.com/…` or at the end, not `//facebook.com.example.org`
    if (at >= 0 && /^(?:[/?#:]|$)/.test(text.slice(at + n.text.length, at + n.text.length + 1))) return n.platform;
  }
  return undefined;
}

export default createCodeRule({
  meta: {
    id: 'platform-terms',
    target: 'code',
    description: "Code that drives another platform against its terms: unofficial (reverse-engineered or browser) clients, scripted logins to a platform's website, follow/unfollow churn.",
    clauses: ['A.3'],
    severity: 'warning',
    fixable: false,
    messages: {
      unofficialClient: "{{module}} {{why}}, not through {{official}}: {{platform}}'s terms forbid this and accounts driven this way get banned (see {{source}}). Build on {{official}}",
      websiteLogin: "The app logs in to {{platform}}'s website ({{url}}) as a person{{agent}} instead of using {{platform}}'s API: automated access to the website breaches its terms (see {{source}}). A judgement: confirm {{platform}} permits it, or use the official API",
      browserAutomation: "A browser-automation client drives {{platform}}'s website ({{evidence}}) as a personal account: {{platform}}'s terms forbid automated access outside its API (see {{source}}). A judgement: confirm {{platform}} permits it, or use the official API",
      followChurn: "On a timer ({{interval}}) the app follows and unfollows accounts ({{actions}}): automated follow churn, which platforms' automation rules prohibit (see {{source}}). A judgement: follow only on a person's explicit action",
    },
  },
  create(context) {
    const { model, sourceFile } = context;
    let platformNamed: { platform: Platform; evidence: string } | undefined;
    const noteText = (text: string) => {
      if (platformNamed) return;
      const p = platformOfText(text);
      if (p) platformNamed = { platform: p, evidence: p.internalIds.find((id) => text.includes(id)) ?? p.webHosts.find((h) => text.includes(h))! };
    };
    return {
      [ts.SyntaxKind.StringLiteral]: (node) => noteText((node as ts.StringLiteral).text),
      [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: (node) => noteText((node as ts.NoSubstitutionTemplateLiteral).text),
      [ts.SyntaxKind.TemplateExpression](node) {
        const t = node as ts.TemplateExpression;
        noteText([t.head.text, ...t.templateSpans.map((s) => s.literal.text)].join(HOLE));
      },
      onEnd() {
        const clientReported = unofficialClients(context);
        websiteLogins(context);
        // an unofficial client's import already says what its client does
        if (platformNamed && !clientReported) browserAutomation(context, platformNamed);
        for (const t of followChurnTimers(model)) {
          context.report({
            messageId: 'followChurn',
            data: { interval: t.interval, actions: t.actions.join(', '), source: vocabulary.followActions.source },
            start: t.timer.getStart(sourceFile),
            end: t.timer.expression.getEnd(),
          });
        }
      },
    };
  },
});

/** `require('whatsapp-web.js')`, `import { Client } from 'whatsapp-web.js'`. */
function unofficialClients(context: CodeRuleContext): boolean {
  let reported = false;
  const report = (spec: string, node: ts.Node) => {
    const c = CLIENTS.get(spec);
    if (!c) return;
    reported = true;
    context.report({ messageId: 'unofficialClient', data: { module: spec, why: c.why, official: c.official, platform: c.platform, source: c.source }, start: node.getStart(context.sourceFile), end: node.getEnd() });
  };
  for (const imp of context.model.nodes<ts.ImportDeclaration>(ts.SyntaxKind.ImportDeclaration)) {
    if (ts.isStringLiteral(imp.moduleSpecifier)) report(imp.moduleSpecifier.text, imp.moduleSpecifier);
  }
  for (const call of context.model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
    const spec = requireSpecifier(call);
    if (spec !== undefined) report(spec, call);
  }
  return reported;
}

/** A request to a platform website's login flow: `post('https://www.facebook.com/login.php?…', jar, form)`. */
function websiteLogins(context: CodeRuleContext): void {
  const { model, sourceFile } = context;
  let agent: ts.Node | undefined | null = null;
  for (const call of model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
    const name = calleeName(call);
    const url = call.arguments[0];
    if (!name || !REQUESTING.test(name) || !url) continue;
    const text = model.values.string(url)?.text;
    const host = text ? hostOf(text.split(HOLE, 1)[0]!) : undefined;
    const platform = host ? platformOfHost(host) : undefined;
    if (!text || !platform) continue;
    const path = text.replace(/^[a-z]+:\/\/[^/]+/i, '').split(/[?#]/, 1)[0]!;
    if (!platform.loginPaths.some((p) => path === p || path.startsWith(p + '/') || path.startsWith(p + '.'))) continue;
    if (agent === null) agent = browserAgentLiteral(context);
    const at = unwrap(url);
    // the login is one finding: the checkpoints and redirects that follow it are the same flow
    context.report({
      messageId: 'websiteLogin',
      data: { platform: platform.name, url: `${host}${path}`, agent: agent ? ` with a browser's user agent (line ${sourceFile.getLineAndCharacterOfPosition(agent.getStart(sourceFile)).line + 1})` : '', source: platform.source },
      start: at.getStart(sourceFile),
      end: at.getEnd(),
    });
    return;
  }
}

/** A string that poses as a desktop or phone browser's user agent (`Mozilla/5.0 (Macintosh; …) …`). */
function browserAgentLiteral(context: CodeRuleContext): ts.Node | undefined {
  for (const p of context.model.nodes<ts.PropertyAssignment>(ts.SyntaxKind.PropertyAssignment)) {
    const s = ts.isStringLiteralLike(p.initializer) ? p.initializer.text : undefined;
    if (s && BROWSER_AGENT.test(s)) return p.initializer;
  }
  return undefined;
}

/**
 * A browser-automation client in a file that names a platform's website or its web-only ids:
 * `new Client({ puppeteer: { … } })` sending to `${number}@c.us`, `puppeteer.launch()` then `goto('https://web.whatsapp.com')`.
 */
function browserAutomation(context: CodeRuleContext, named: { platform: Platform; evidence: string }): void {
  const { model, sourceFile } = context;
  const report = (node: ts.Node) =>
    context.report({ messageId: 'browserAutomation', data: { platform: named.platform.name, evidence: named.evidence, source: named.platform.source }, start: node.getStart(sourceFile), end: node.getEnd() });
  for (const n of model.nodes<ts.NewExpression>(ts.SyntaxKind.NewExpression)) {
    const opts = model.values.objectLiteral(n.arguments?.[0]);
    if (opts && [...AUTOMATION_OPTIONS].some((o) => objectProperty(opts, o))) return report(n);
  }
  for (const call of model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
    const callee = unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'launch' || !ts.isIdentifier(callee.expression)) continue;
    const spec = model.requireBindings.get(callee.expression.text) ?? model.imports.find((i) => i.names.includes((callee.expression as ts.Identifier).text))?.spec;
    if (spec && AUTOMATION_MODULES.has(spec)) return report(call);
  }
}
