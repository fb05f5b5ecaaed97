import { ts } from '../../src/ts';
import { createCodeRule } from '../../src/rule';
import { propertyName, unwrap } from '../../src/model/syntax';
import { envVarName } from '../../src/model/values';

export default createCodeRule({
  meta: {
    id: 'security-control-disabled',
    target: 'code',
    description: 'TLS certificate checks switched off (rejectUnauthorized: false, NODE_TLS_REJECT_UNAUTHORIZED=0).',
    clauses: ['C.4'],
    severity: 'error',
    securitySeverity: 7.5,
    fixable: true,
    messages: {
      rejectUnauthorized: 'TLS certificate verification is switched off (rejectUnauthorized: false): anyone on the path can read and change Customer Data',
      envTls: 'NODE_TLS_REJECT_UNAUTHORIZED=0 switches off certificate checks for every connection of the process',
    },
  },
  create(context) {
    return {
      [ts.SyntaxKind.PropertyAssignment](node) {
        const p = node as ts.PropertyAssignment;
        if (propertyName(p.name) !== 'rejectUnauthorized') return;
        const v = unwrap(p.initializer);
        if (v.kind !== ts.SyntaxKind.FalseKeyword && !(ts.isNumericLiteral(v) && v.text === '0')) return;
        context.report({
          messageId: 'rejectUnauthorized',
          start: p.getStart(context.sourceFile),
          end: p.getEnd(),
          fixes: [{ description: 'Verify certificates (rejectUnauthorized: true)', edits: [{ file: context.file, start: v.getStart(context.sourceFile), end: v.getEnd(), newText: 'true' }], safe: true }],
        });
      },
      [ts.SyntaxKind.BinaryExpression](node) {
        const b = node as ts.BinaryExpression;
        if (b.operatorToken.kind !== ts.SyntaxKind.EqualsToken || envVarName(b.left) !== 'NODE_TLS_REJECT_UNAUTHORIZED') return;
        const v = context.model.values.string(b.right);
        if (v?.text !== '0') return;
        context.report({ messageId: 'envTls', start: b.getStart(context.sourceFile), end: b.getEnd() });
      },
    };
  },
});
