import { createAppRule } from '../../src/rule';
import { urlProblem } from '../../src/manifest/field-checks';

export default createAppRule({
  meta: {
    id: 'privacy-policy-url',
    target: 'manifest',
    description: 'The manifest links no privacy policy, or one that is not https or a placeholder.',
    clauses: ['A.5'],
    severity: 'error',
    fixable: false,
    messages: {
      problem: 'The privacy policy URL is {{problem}}: dealers must be able to read how the app uses their data',
    },
  },
  check(context) {
    const m = context.app.manifestObject();
    if (!m) return;
    const problem = context.app.isMistyped('/privacyPolicyUrl') ? 'not a string' : urlProblem(m.privacyPolicyUrl);
    if (problem) context.report({ pointer: '/privacyPolicyUrl', messageId: 'problem', data: { problem } });
  },
});
