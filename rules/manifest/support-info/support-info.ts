import { createAppRule } from '../../src/rule';
import { emailProblem, urlProblem } from '../../src/manifest/field-checks';

export default createAppRule({
  meta: {
    id: 'support-info',
    target: 'manifest',
    description: 'The manifest lacks a support contact (e-mail or URL) or a link to technical instructions.',
    clauses: ['F.3'],
    severity: 'error',
    fixable: false,
    messages: {
      noSupport: 'The manifest has no "support" section: dealers need a support contact (support.email or support.url) and technical instructions (support.docsUrl)',
      noContact: 'No support contact: add support.email or support.url so dealers can reach customer support',
      email: 'The support e-mail address is {{problem}}',
      url: 'The support URL is {{problem}}',
      docsUrl: 'The link to technical instructions (support.docsUrl) is {{problem}}',
    },
  },
  check(context) {
    const m = context.app.manifestObject();
    if (!m) return;
    const support = m['support'];
    if (support === undefined || support === null) {
      context.report({ pointer: '/support', messageId: 'noSupport' });
      return;
    }
    // a wrong type is manifest-invalid's finding
    if (typeof support !== 'object' || Array.isArray(support)) return;
    const s = support as Record<string, unknown>;
    if (s['email'] === undefined && s['url'] === undefined) context.report({ pointer: '/support/email', messageId: 'noContact' });
    if (s['email'] !== undefined) check(s['email'], emailProblem, '/support/email', 'email');
    if (s['url'] !== undefined) check(s['url'], urlProblem, '/support/url', 'url');
    check(s['docsUrl'], urlProblem, '/support/docsUrl', 'docsUrl');

    function check(value: unknown, problemOf: (v: unknown) => string | undefined, pointer: string, messageId: string): void {
      if (value !== undefined && value !== null && typeof value !== 'string') return;
      const problem = problemOf(value);
      if (problem) context.report({ pointer, messageId, data: { problem } });
    }
  },
});
