import { parsePhoneNumberFromString } from 'libphonenumber-js/mobile';
import { parse as parseDomain } from 'tldts';
import { ts } from '../../src/ts';
import { isPlaceholderHost } from '../../src/model/hosts';
import { propertyName } from '../../src/model/syntax';
import { createCodeRule, type CodeRuleContext } from '../../src/rule';

// Addresses are found by scanning out from each "@" (no regex backtracking over long runs); the checks below decide.
const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;
const WHOLE_PHONE = /^(tel:)?\+?[0-9][0-9 ()./-]{6,22}[0-9]$/;

/** Mailboxes of a role or a team, not of a person (the first word of the local part). */
const ROLE_MAILBOXES = new Set([
  'info', 'support', 'noreply', 'no', 'donotreply', 'do', 'sales', 'admin', 'administrator', 'contact', 'hello', 'hi', 'office',
  'service', 'services', 'team', 'help', 'helpdesk', 'privacy', 'security', 'abuse', 'postmaster', 'webmaster', 'hostmaster',
  'billing', 'finance', 'accounts', 'accounting', 'invoice', 'invoices', 'marketing', 'jobs', 'careers', 'hr', 'press', 'media',
  'news', 'newsletter', 'dev', 'developer', 'developers', 'devops', 'it', 'ops', 'bot', 'bots', 'notifications', 'notification',
  'alerts', 'alert', 'mailer', 'root', 'feedback', 'enquiries', 'inquiries', 'orders', 'order', 'shop', 'store', 'booking',
  'bookings', 'reservations', 'appointments', 'planning', 'reception', 'receptie', 'verkoop', 'werkplaats', 'klantenservice',
  'administratie', 'git', 'dpo', 'gdpr', 'legal', 'compliance', 'partners', 'partner', 'api', 'app', 'apps', 'mail', 'system',
  'leads', 'lead', 'occasions', 'showroom', 'onderhoud', 'aftersales', 'parts', 'onderdelen', 'psirt', 'cert', 'status',
]);
/** Local parts that are placeholders in documentation and tests. */
const PLACEHOLDER_LOCAL = /^(test|tester|testing|foo|bar|baz|user|username|someone|somebody|name|email|e-mail|me|you|your[._-]?(name|email)?|(john|jane)[._-]?doe|firstname[._-]?lastname|voornaam[._-]?achternaam|example|sample|demo|dummy|fake|nobody|anonymous|x+|abc|a|b)$/i;
/** Second-level domains people use as placeholders although they are not reserved. */
const PLACEHOLDER_DOMAINS = new Set(['domain.com', 'company.com', 'email.com', 'test.com', 'foo.com', 'bar.com', 'acme.com', 'example.nl', 'voorbeeld.nl', 'bedrijf.nl', 'domein.nl']);
/** `logo@2x.png`, `icon@3x.webp`: file names, not addresses. */
const FILE_TLDS = /^(png|jpe?g|gif|svg|webp|avif|ico|js|mjs|cjs|ts|tsx|jsx|css|scss|json|html?|md|txt|pdf|map|woff2?|ttf|mp[34]|wav)$/i;

const NAME_KEYS = /^(name|full_?name|display_?name|given_?name|family_?name|first_?name|last_?name|sur_?name|voornaam|achternaam|naam)$/i;
const EMAIL_KEYS = /^(e-?mail|e-?mail_?address|mail)$/i;
const PHONE_KEYS = /^(tele?phone|phone|phone_?number|mobile|mobile_?number|tel|gsm|mobiel|telefoon|telefoonnummer|cell|cell_?phone|whatsapp|msisdn)$/i;
const PLACEHOLDER_NAMES = /^(john doe|jane doe|john smith|test|test user|tester|foo|foo bar|bar|baz|max mustermann|erika mustermann|jan modaal|lorem ipsum|example|placeholder|dummy|name|naam|your name|uw naam)$/i;

export default createCodeRule({
  meta: {
    id: 'hardcoded-personal-data',
    target: 'code',
    reuse: 'statement',
    description: 'Real-looking e-mail addresses and mobile numbers of people, or whole person records, written into source code.',
    clauses: ['A.6'],
    severity: 'warning',
    fixable: false,
    messages: {
      record: 'A person\'s contact details are hard-coded ({{fields}}): load people\'s data from Web1on1 or your own store, and use example.com addresses and fictional numbers in examples and tests',
      email: 'The e-mail address {{value}} looks like a person\'s: keep people\'s addresses out of source code (configuration, the Web1on1 API) or use an example.com address',
      phone: 'The mobile number {{value}} looks like a person\'s: keep people\'s numbers out of source code (configuration, the Web1on1 API) or use a fictional number',
    },
  },
  create(context) {
    // reported records and fixture records ("John Doe"): the strings inside are not reported again
    const covered: [number, number][] = [];
    const inRecord = (n: ts.Node) => covered.some(([s, e]) => n.getStart(context.sourceFile) >= s && n.getEnd() <= e);
    // `skip`: characters between the node's start and its text (the opening quote); positions are read only
    // for hits, since getStart scans trivia and this runs for every string in the file
    const visitText = (node: ts.Node, text: string, skip: number, wholeLiteral: boolean) => {
      if (context.isTestFile) return;
      const hits = personalStrings(context, text, wholeLiteral);
      if (!hits.length || inRecord(node)) return;
      const offset = node.getStart(context.sourceFile) + skip;
      for (const hit of hits) {
        context.report({ messageId: hit.kind, data: { value: hit.masked }, start: offset + hit.index, end: offset + hit.index + hit.length, severity: 'info' });
      }
    };
    return {
      [ts.SyntaxKind.ObjectLiteralExpression](node) {
        const record = personRecord(context, node as ts.ObjectLiteralExpression);
        if (record === 'fixture') covered.push([node.getStart(context.sourceFile), node.getEnd()]);
        if (!record || record === 'fixture') return;
        covered.push([node.getStart(context.sourceFile), node.getEnd()]);
        context.report({ messageId: 'record', data: { fields: record.join(', ') }, start: node.getStart(context.sourceFile), end: node.getEnd(), severity: context.isTestFile ? 'info' : undefined });
      },
      [ts.SyntaxKind.StringLiteral](node) {
        const s = node as ts.StringLiteral;
        visitText(s, s.text, 1, true);
      },
      [ts.SyntaxKind.NoSubstitutionTemplateLiteral](node) {
        const s = node as ts.NoSubstitutionTemplateLiteral;
        visitText(s, s.text, 1, true);
      },
      [ts.SyntaxKind.TemplateHead]: (node) => visitTemplatePart(node, visitText),
      [ts.SyntaxKind.TemplateMiddle]: (node) => visitTemplatePart(node, visitText),
      [ts.SyntaxKind.TemplateTail]: (node) => visitTemplatePart(node, visitText),
      [ts.SyntaxKind.JsxText](node) {
        visitText(node, node.getText(context.sourceFile), 0, false);
      },
    };
  },
});

function visitTemplatePart(node: ts.Node, visit: (n: ts.Node, text: string, skip: number, whole: boolean) => void): void {
  const part = node as ts.TemplateLiteralLikeNode;
  // the raw text sits after "`" or "}" in the source; cooked text may differ only by escapes
  const raw = part.rawText ?? part.text;
  visit(node, raw, 1, false);
}

interface Hit { kind: 'email' | 'phone'; index: number; length: number; masked: string }

/**
 * Person e-mail addresses in a piece of text, and a mobile number when the whole literal is one (offsets are
 * relative to the text). Numbers inside sentences are left alone: in bot messages they are the dealer's.
 */
function personalStrings(context: CodeRuleContext, text: string, wholeLiteral: boolean): Hit[] {
  const hits: Hit[] = [];
  if (text.length > 20000) return hits;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const found = addressAround(text, at);
    if (!found || text.slice(Math.max(0, found.start - 2), found.start) === '//') continue;
    if (personEmail(context, found.address)) hits.push({ kind: 'email', index: found.start, length: found.address.length, masked: maskEmail(found.address) });
    else if (chatIdOfPhone(found.address)) hits.push({ kind: 'phone', index: found.start, length: found.address.indexOf('@'), masked: maskPhone('+' + found.address) });
  }
  const trimmed = text.trim();
  if (wholeLiteral && WHOLE_PHONE.test(trimmed) && personMobile(trimmed)) hits.push({ kind: 'phone', index: text.indexOf(trimmed), length: trimmed.length, masked: maskPhone(trimmed) });
  return hits;
}

/** The address-shaped run around an "@": up to 64 local characters, up to 253 domain characters. */
function addressAround(text: string, at: number): { start: number; address: string } | undefined {
  let start = at;
  while (start > 0 && at - start < 65 && LOCAL_CHAR.test(text.charAt(start - 1))) start--;
  if (at - start > 64 || start === at) return undefined; // too long to be a local part, or none
  let end = at + 1;
  while (end < text.length && end - at <= 253 && DOMAIN_CHAR.test(text.charAt(end))) end++;
  while (start < at && '._%+-'.includes(text.charAt(start))) start++;
  while (end > at + 1 && '.-'.includes(text.charAt(end - 1))) end--;
  return start < at && end > at + 1 ? { start, address: text.slice(start, end) } : undefined;
}

function personEmail(context: CodeRuleContext, addr: string): boolean {
  const at = addr.indexOf('@');
  const local = addr.slice(0, at);
  const domain = addr.slice(at + 1).toLowerCase();
  const labels = domain.split('.');
  const tld = labels[labels.length - 1] ?? '';
  if (!local || labels.length < 2 || labels.some((l) => l === '') || !/^[a-z]{2,24}$/.test(tld) || FILE_TLDS.test(tld)) return false;
  if (!isMailDomain(domain)) return false;
  if (isPlaceholderHost(domain) || PLACEHOLDER_DOMAINS.has(labels.slice(-2).join('.')) || PLACEHOLDER_LOCAL.test(local)) return false;
  if (ROLE_MAILBOXES.has(local.toLowerCase().split(/[._+-]/)[0] ?? '')) return false;
  return !context.app?.isOwnHost(domain);
}

/**
 * A domain people have mailboxes at: a registrable name of two characters or more under a public suffix of the
 * ICANN section. Chat ids shaped like addresses (WhatsApp's `31612345678@c.us`, `…@g.us`) have a one-letter name,
 * and `x@host.local`/`x@build.internal` have no public suffix.
 */
function isMailDomain(domain: string): boolean {
  const parsed = parseDomain(domain);
  return !!parsed.isIcann && !!parsed.domainWithoutSuffix && parsed.domainWithoutSuffix.length >= 2;
}

/** `31612345678@c.us`: a chat id made of a person's mobile number (a group id or `number1@c.us` is not one). */
function chatIdOfPhone(addr: string): boolean {
  const at = addr.indexOf('@');
  const local = addr.slice(0, at);
  return /^\d{9,15}$/.test(local) && !isMailDomain(addr.slice(at + 1).toLowerCase()) && personMobile('+' + local);
}

/** A valid mobile number (Dutch when written without a country code) that is not an obvious fixture. */
function personMobile(raw: string): boolean {
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 9 || digits.length > 15) return false;
  const phone = parsePhoneNumberFromString(raw.replace(/^tel:/, ''), 'NL');
  if (!phone?.isValid() || phone.getType() !== 'MOBILE') return false;
  const national = String(phone.nationalNumber);
  if (/(\d)\1{5}/.test(national)) return false; // 0611111111, +31600000000-style fillers
  if (/12345678|87654321/.test(national)) return false; // 06-12345678: the documentation filler that counts from 1
  if (phone.countryCallingCode === '1' && /^\d{3}55501\d{2}$/.test(national)) return false; // US 555-01xx fiction numbers
  return true;
}

/** A person record: a name plus a real-looking e-mail address or mobile number, all literals. */
function personRecord(context: CodeRuleContext, obj: ts.ObjectLiteralExpression): string[] | 'fixture' | undefined {
  let named = false;
  let fixture = false;
  const found: string[] = [];
  for (const p of obj.properties) {
    if (!ts.isPropertyAssignment(p)) continue;
    const key = propertyName(p.name);
    const v = p.initializer;
    if (!key || !(ts.isStringLiteral(v) || ts.isNoSubstitutionTemplateLiteral(v))) continue;
    const value = v.text.trim();
    if (NAME_KEYS.test(key) && value) {
      if (PLACEHOLDER_NAMES.test(value.replace(/[._-]+/g, ' '))) fixture = true;
      else named = true;
    }
    else if (EMAIL_KEYS.test(key) && personEmail(context, value.replace(/^.*<([^<>]{3,320})>\s*$/, '$1'))) found.push('e-mail');
    else if (PHONE_KEYS.test(key) && WHOLE_PHONE.test(value) && personMobile(value)) found.push('phone number');
  }
  if (fixture) return 'fixture';
  return named && found.length ? ['name', ...new Set(found)] : undefined;
}

function maskEmail(addr: string): string {
  const at = addr.indexOf('@');
  return `${addr.charAt(0)}…${addr.slice(at)}`;
}

function maskPhone(raw: string): string {
  const t = raw.replace(/^tel:/, '').trim();
  return `${t.slice(0, Math.min(5, t.length - 4))}…`;
}
