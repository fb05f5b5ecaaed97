import { ts } from '../../src/ts';
import { createCodeRule } from '../../src/rule';
import type { AppInfo } from '../../src/app';
import { readableTexts, type ReadableText } from '../../src/lexicon/readable-text';
import { describeKind, fieldAsksFor, findSensitiveRequests, SENSITIVE_KINDS, type SensitiveKind } from '../../src/lexicon/sensitive-data';

const ADVICE: Record<SensitiveKind, string> = {
  card: "take card payments on an approved payment provider's page (a payment link), never in the chat",
  cvv: "take card payments on an approved payment provider's page (a payment link), never in the chat",
  pin: 'nobody needs a PIN in a chat; let the consumer pay at a terminal or through a payment link',
  password: "never ask for a password; send a link to the service's own login or reset page",
  iban: 'ask only when the app needs it (a refund) and declare it in dataProtection.sensitiveDataExceptions with a reason',
  'national-id': 'ask only where the law requires it and declare it in dataProtection.sensitiveDataExceptions with a reason',
};

export default createCodeRule({
  meta: {
    id: 'sensitive-data-request',
    target: 'code',
    description: 'Messages or form fields that ask for card numbers, CVV/CVC, PINs, passwords, IBANs or BSN/SSN numbers.',
    clauses: ['C.2', 'C.3'],
    severity: 'error',
    fixable: false,
    messages: {
      message: 'This {{part}} asks {{who}} for {{what}}: {{advice}}',
      field: 'This {{part}} asks for {{what}}: {{advice}}',
    },
  },
  create(context) {
    return {
      // no-op: makes the file model collect object literals, where message-shaped objects are found
      [ts.SyntaxKind.ObjectLiteralExpression]() {},
      onEnd() {
        const excepted = declaredExceptions(context.app);
        for (const t of readableTexts(context.model)) {
          const kinds = kindsAskedFor(t).filter((k) => !excepted.has(k));
          if (!kinds.length) continue;
          const what = kinds.map(describeKind).join(' and ');
          const isField = t.part === 'field' || t.part === 'form';
          context.report({
            messageId: isField ? 'field' : 'message',
            data: { part: isField ? (t.part === 'form' ? 'form' : 'form field') : t.method === 'ask' ? 'question' : 'message', who: whoReads(t), what, advice: ADVICE[kinds[0]!] },
            start: t.node.getStart(context.sourceFile),
            end: t.node.getEnd(),
            // an IBAN is personal data but no secret: a likely problem, not harm in itself
            severity: kinds.every((k) => k === 'iban') ? 'warning' : undefined,
          });
        }
      },
    };
  },
});

function kindsAskedFor(t: ReadableText): SensitiveKind[] {
  if (t.part === 'field' || t.part === 'form') {
    const k = fieldAsksFor(t.text, t.isFieldKey);
    return k ? [k] : [];
  }
  if (t.part !== 'message' && t.part !== 'item') return [];
  return [...new Set(findSensitiveRequests(t.text, { asked: t.method === 'ask' }).map((r) => r.kind))];
}

function whoReads(t: ReadableText): string {
  if (t.consumer || t.audience === 'consumer') return 'the consumer';
  if (t.audience === 'internal') return "the dealer's staff";
  return 'whoever reads it';
}

/** Other names the manifest may use for a kind. */
const KIND_ALIASES: Record<string, SensitiveKind> = { 'card-number': 'card', creditcard: 'card', cvc: 'cvv', bsn: 'national-id', ssn: 'national-id' };

/** `dataProtection.sensitiveDataExceptions: [{ kind, reason }]`: kinds the app declares it needs, with a reason. */
function declaredExceptions(app: AppInfo | undefined): Set<SensitiveKind> {
  const out = new Set<SensitiveKind>();
  const dp = app?.manifestObject()?.['dataProtection'];
  const list = dp && typeof dp === 'object' ? (dp as Record<string, unknown>)['sensitiveDataExceptions'] : undefined;
  if (!Array.isArray(list)) return out;
  for (const e of list) {
    if (!e || typeof e !== 'object') continue;
    const { kind, reason } = e as Record<string, unknown>;
    const k = typeof kind === 'string' ? (KIND_ALIASES[kind.toLowerCase()] ?? kind.toLowerCase()) : undefined;
    if (k && typeof reason === 'string' && reason.trim() && (SENSITIVE_KINDS as string[]).includes(k)) out.add(k as SensitiveKind);
  }
  return out;
}
