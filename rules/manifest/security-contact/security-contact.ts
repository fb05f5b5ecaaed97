import { contactProblem, emailProblem } from '../../src/manifest/field-checks';
import type { JsonDocument } from '../../src/manifest/json-document';
import type { Manifest } from '../../src/manifest/spec';
import { createAppRule } from '../../src/rule';
import type { Fix } from '../../src/types';

// checked before the e-mail syntax, so `TODO` reads as a placeholder rather than a malformed address
const PLACEHOLDER = /\b(todo|tbd|fixme|changeme)\b|<[^<>]{0,40}>|\{\{/i;

export default createAppRule({
  meta: {
    id: 'security-contact',
    target: 'manifest',
    description: 'The manifest names no security contact (an e-mail address or https URL), or a placeholder.',
    clauses: ['A.9'],
    severity: 'error',
    fixable: true,
    messages: {
      problem: 'The security contact is {{problem}}: Web1on1 and dealers need a working address to reach you about a breach or vulnerability',
    },
  },
  check(context) {
    const m = context.app.manifestObject();
    if (!m) return;
    const value = m.securityContact;
    const mistyped = context.app.isMistyped('/securityContact');
    const problem = mistyped ? 'not a string' : value !== undefined && PLACEHOLDER.test(value) ? 'a placeholder' : contactProblem(value);
    if (!problem) return;
    context.report({ pointer: '/securityContact', messageId: 'problem', data: { problem }, fixes: value === undefined && !mistyped ? developerEmailFix(context.manifest, m) : undefined });
  },
});

/** Only when the field is absent: the developer's own (valid) address is a reasonable first answer. */
function developerEmailFix(doc: JsonDocument | undefined, m: Manifest): Fix[] | undefined {
  const email = m.developer?.email;
  if (!doc || email === undefined || emailProblem(email)) return undefined;
  return [{ description: 'Use developer.email as security contact', edits: doc.edit('/securityContact', email.trim()), safe: false }];
}
