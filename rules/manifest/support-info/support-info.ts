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
    // a wrong type is manifest-invalid's finding
    const mistyped = (pointer: string) => context.app.isMistyped(pointer);
    const s = m.support;
    if (s === undefined) {
      if (!mistyped('/support')) context.report({ pointer: '/support', messageId: 'noSupport' });
      return;
    }
    const hasEmail = s.email !== undefined || mistyped('/support/email');
    const hasUrl = s.url !== undefined || mistyped('/support/url');
    if (!hasEmail && !hasUrl) context.report({ pointer: '/support/email', messageId: 'noContact' });
    if (hasEmail) check(s.email, emailProblem, '/support/email', 'email');
    if (hasUrl) check(s.url, urlProblem, '/support/url', 'url');
    check(s.docsUrl, urlProblem, '/support/docsUrl', 'docsUrl');

    function check(value: string | undefined, problemOf: (v: unknown) => string | undefined, pointer: string, messageId: string): void {
      if (mistyped(pointer)) return;
      const problem = problemOf(value);
      if (problem) context.report({ pointer, messageId, data: { problem } });
    }
  },
});
