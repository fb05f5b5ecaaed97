import { ts } from '../../src/ts';
import { API } from '../../src/data';
import { createCodeRule } from '../../src/rule';
import { effectiveUrl } from '../../src/model/http';
import { hostOf, isApiHost, isPlatformHost } from '../../src/model/hosts';
import { unwrap } from '../../src/model/syntax';
import { HOLE } from '../../src/model/values';

/** Modules that parse HTML or drive a browser: with a request to a Web1on1 web page, that is scraping. */
const HTML_READERS = new Set(['cheerio', 'jsdom', 'node-html-parser', 'htmlparser2', 'linkedom', 'parse5', 'x-ray', 'puppeteer', 'puppeteer-core', 'playwright', 'playwright-core', 'playwright-chromium', 'selenium-webdriver', 'nightmare']);
const NAVIGATION = new Set(['goto', 'navigate', 'navigateTo']);

export default createCodeRule({
  meta: {
    id: 'undocumented-endpoint',
    target: 'code',
    description: 'Calls to Web1on1 endpoints outside the public API v2 (/v1/, /internal/, /admin/, /apidoc) and scraping of the agent console.',
    clauses: ['B.5'],
    severity: 'warning',
    fixable: false,
    messages: {
      undocumented: '{{url}} is not part of Web1on1\'s public API v2 ({{prefix}}): building on internal or undocumented endpoints means reverse-engineering the platform; use the documented /v2/ resources',
      scrape: 'The app requests Web1on1 web pages ({{host}}) and parses their HTML with {{reader}}: scraping the agent console derives the platform\'s internals instead of using the public API v2',
      browser: 'The app drives a browser to the Web1on1 agent console ({{url}}): automating the console reverse-engineers the platform\'s web app; use the public API v2',
    },
  },
  create(context) {
    const values = context.model.values;
    // reported ranges never overlap one another: kept sorted, one neighbour decides
    const reported: [number, number][] = [];
    const before = (end: number) => {
      let lo = 0;
      let hi = reported.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (reported[mid]![0] < end) lo = mid + 1;
        else hi = mid;
      }
      return lo; // ranges [0, lo) start before `end`
    };
    const overlaps = (n: ts.Node) => {
      const i = before(n.end);
      return i > 0 && reported[i - 1]![1] > n.getStart(context.sourceFile);
    };
    const report = (node: ts.Node, messageId: string, data: Record<string, string>) => {
      reported.splice(before(node.end), 0, [node.getStart(context.sourceFile), node.getEnd()]);
      context.report({ messageId, data, start: node.getStart(context.sourceFile), end: node.getEnd() });
    };

    /** A URL written out in the source: only API hosts, since links to web pages are shown to people. */
    const checkLiteral = (node: ts.Node) => {
      // the overlap test (a getStart, a trivia scan) last: nearly every string is no URL; a literal is its own text
      const text = ts.isStringLiteralLike(node) ? node.text : values.string(node as ts.Expression)?.text;
      const host = text !== undefined ? hostOf(text) : undefined;
      if (text === undefined || !host || !isApiLike(host) || overlaps(node)) return;
      const prefix = undocumentedPrefix(text);
      if (prefix) report(node, 'undocumented', { url: displayUrl(text), prefix });
    };

    return {
      [ts.SyntaxKind.StringLiteral]: checkLiteral,
      [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: checkLiteral,
      [ts.SyntaxKind.TemplateExpression]: checkLiteral,
      [ts.SyntaxKind.BinaryExpression](node) {
        const b = node as ts.BinaryExpression;
        if (b.operatorToken.kind !== ts.SyntaxKind.PlusToken || (ts.isBinaryExpression(b.parent) && b.parent.operatorToken.kind === ts.SyntaxKind.PlusToken)) return;
        checkLiteral(b);
      },
      onEnd() {
        const model = context.model;
        const reader = model.imports.map((i) => i.spec).find((s) => HTML_READERS.has(s));
        for (const call of model.http.calls) {
          const url = effectiveUrl(call);
          const host = url ? hostOf(url) : undefined;
          if (!url || !host || !isPlatformHost(host) || (call.urlNode && overlaps(call.urlNode)) || overlaps(call.call)) continue;
          const prefix = undocumentedPrefix(url);
          // a base URL that is itself undocumented is reported where it is written
          const ownPart = call.url?.text ?? '';
          if (prefix && (/^[a-z][a-z0-9+.-]*:\/\//i.test(ownPart) || pathOwnsPrefix(ownPart, prefix))) report(call.urlNode ?? call.call, 'undocumented', { url: displayUrl(url), prefix });
          else if (!prefix && !isApiLike(host) && reader) report(call.call, 'scrape', { host, reader });
        }
        for (const call of model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
          const callee = unwrap(call.expression);
          if (!ts.isPropertyAccessExpression(callee) || !NAVIGATION.has(callee.name.text) || overlaps(call)) continue;
          const s = values.string(call.arguments[0]);
          const host = s ? hostOf(s.text) : undefined;
          if (s && host && isPlatformHost(host) && !isApiLike(host)) report(call, 'browser', { url: displayUrl(s.text) });
        }
      },
    };
  },
});

/** API hosts, including environments such as development-api.chatshipper.com. */
function isApiLike(host: string): boolean {
  return isPlatformHost(host) && (isApiHost(host) || /(^|[.-])api([.-]|$)/.test(host.split('.')[0] ?? ''));
}

function undocumentedPrefix(url: string): string | undefined {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split(/[?#]/)[0]!.toLowerCase();
  const slashed = path.endsWith('/') ? path : `${path}/`;
  return API.undocumentedPathPrefixes.find((p) => slashed.includes(p));
}

/**
 * The call's own (relative) path names the undocumented part: `/v1/internal/x` on an axios `baseURL` client, and
 * `internal/x` on a got `prefixUrl` client, where paths are written without their leading slash.
 */
function pathOwnsPrefix(ownPart: string, prefix: string): boolean {
  const path = ownPart.split(/[?#]/)[0]!.toLowerCase();
  return `/${path.startsWith('/') ? path.slice(1) : path}/`.includes(prefix);
}

/** Origin and path only: query strings may carry tokens. */
function displayUrl(url: string): string {
  return url.split(/[?#]/)[0]!.split(HOLE).join('{…}');
}
