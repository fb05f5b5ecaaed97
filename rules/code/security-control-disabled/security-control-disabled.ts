import { ts } from '../../src/ts';
import { createCodeRule } from '../../src/rule';
import { propertyName, unwrap } from '../../src/model/syntax';
import { envVarName } from '../../src/model/values';
import { acceptsEveryName, constantOf, HOSTNAME_CHECK, isCurlOption, isDisablingMethod, isTlsOffEnvValue, isVerificationOption, TLS_ENV_VARIABLE, verifyingValue } from '../../src/lexicon/tls-options';
import type { Fix } from '../../src/types';

export default createCodeRule({
  meta: {
    id: 'security-control-disabled',
    target: 'code',
    description: 'TLS certificate or host-name checks switched off (rejectUnauthorized: false, strictSSL: false, SSL_VERIFYPEER: 0, NODE_TLS_REJECT_UNAUTHORIZED=0, an empty checkServerIdentity).',
    clauses: ['C.4'],
    severity: 'error',
    securitySeverity: 7.5,
    fixable: true,
    messages: {
      rejectUnauthorized: 'TLS certificate verification is switched off (rejectUnauthorized: false): anyone on the path can read and change Customer Data',
      option: 'TLS certificate verification is switched off ({{option}}: {{value}}): anyone on the path can read and change Customer Data',
      method: 'TLS certificate verification is switched off ({{method}}()): anyone on the path can read and change Customer Data',
      envTls: 'NODE_TLS_REJECT_UNAUTHORIZED=0 switches off certificate checks for every connection of the process',
      hostname: 'TLS host-name verification is switched off ({{option}} returns nothing, so a certificate for any host is accepted): anyone on the path with any valid certificate can read and change Customer Data',
    },
  },
  create(context) {
    const values = context.model.values;

    /** `option: value` (or `{ option }` from a constant) that switches verification off. */
    const checkOption = (p: ts.PropertyAssignment | ts.ShorthandPropertyAssignment) => {
      const option = propertyName(p.name);
      if (option === HOSTNAME_CHECK && ts.isPropertyAssignment(p)) return checkHostname(p, unwrap(p.initializer));
      // nearly every property of every object is no TLS option: decided by its name before its value is resolved
      if (!option || (option !== TLS_ENV_VARIABLE && !isVerificationOption(option))) return;
      const valueNode = ts.isPropertyAssignment(p) ? p.initializer : p.name;
      const value = constantOf(values, valueNode);
      if (option === TLS_ENV_VARIABLE) {
        // `env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' }` for a child process, Object.assign(process.env, …)
        if (isTlsOffEnvValue(value)) context.report({ messageId: 'envTls', start: p.getStart(context.sourceFile), end: p.getEnd() });
        return;
      }
      const verifying = verifyingValue(option, value, parentOption(p));
      if (verifying === undefined) return;
      // the value at the option is replaced, not the constant it came from, which other code may read
      const replace = ts.isPropertyAssignment(p) ? { start: valueNode.getStart(context.sourceFile), end: valueNode.getEnd(), newText: verifying } : { start: p.getStart(context.sourceFile), end: p.getEnd(), newText: `${option}: ${verifying}` };
      const fixes: Fix[] = [{ description: fixTitle(`${option}: ${verifying}`), edits: [{ file: context.file, ...replace }], safe: true }];
      const shown = ts.isPropertyAssignment(p) && isLiteral(valueNode) ? valueNode.getText(context.sourceFile) : `${valueNode.getText(context.sourceFile)} = ${String(value)}`;
      const messageId = option === 'rejectUnauthorized' && shown === 'false' ? 'rejectUnauthorized' : 'option';
      context.report({ messageId, data: { option, value: shown }, start: p.getStart(context.sourceFile), end: p.getEnd(), fixes });
    };

    /** `checkServerIdentity: () => undefined`: the host-name check accepts every name. */
    const checkHostname = (p: ts.PropertyAssignment | ts.MethodDeclaration, fn: ts.Node) => {
      if (acceptsEveryName(fn)) context.report({ messageId: 'hostname', data: { option: HOSTNAME_CHECK }, start: p.getStart(context.sourceFile), end: p.name.getEnd() });
    };

    return {
      [ts.SyntaxKind.MethodDeclaration]: (node) => {
        const m = node as ts.MethodDeclaration;
        if (ts.isObjectLiteralExpression(m.parent) && propertyName(m.name) === HOSTNAME_CHECK) checkHostname(m, m);
      },
      [ts.SyntaxKind.PropertyAssignment]: (node) => checkOption(node as ts.PropertyAssignment),
      [ts.SyntaxKind.ShorthandPropertyAssignment]: (node) => checkOption(node as ts.ShorthandPropertyAssignment),
      [ts.SyntaxKind.BinaryExpression](node) {
        const b = node as ts.BinaryExpression;
        if (b.operatorToken.kind !== ts.SyntaxKind.EqualsToken || envVarName(b.left) !== TLS_ENV_VARIABLE) return;
        if (!isTlsOffEnvValue(constantOf(values, b.right))) return;
        context.report({ messageId: 'envTls', start: b.getStart(context.sourceFile), end: b.getEnd() });
      },
      [ts.SyntaxKind.CallExpression](node) {
        const call = node as ts.CallExpression;
        const callee = unwrap(call.expression);
        if (!ts.isPropertyAccessExpression(callee)) return;
        const method = callee.name.text;
        if (isDisablingMethod(method)) {
          context.report({ messageId: 'method', data: { method }, start: call.getStart(context.sourceFile), end: call.getEnd() });
          return;
        }
        // node-libcurl: curl.setOpt('SSL_VERIFYPEER', false) / curl.setOpt(Curl.option.SSL_VERIFYPEER, 0)
        if (method !== 'setOpt' || call.arguments.length < 2) return;
        const [nameArg, valueArg] = call.arguments;
        const name = nameArg && (ts.isStringLiteralLike(nameArg) ? nameArg.text : ts.isPropertyAccessExpression(nameArg) ? nameArg.name.text : undefined);
        if (!name || !isCurlOption(name)) return;
        const value = constantOf(values, valueArg);
        const verifying = verifyingValue(name, value, undefined);
        if (verifying === undefined) return;
        const fixes: Fix[] = [{ description: fixTitle(`${name} ${verifying}`), edits: [{ file: context.file, start: valueArg!.getStart(context.sourceFile), end: valueArg!.getEnd(), newText: verifying }], safe: true }];
        context.report({ messageId: 'option', data: { option: name, value: valueArg!.getText(context.sourceFile) }, start: call.getStart(context.sourceFile), end: call.getEnd(), fixes });
      },
    };
  },
});

function isLiteral(node: ts.Expression): boolean {
  const e = unwrap(node);
  return e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || ts.isNumericLiteral(e) || ts.isStringLiteralLike(e);
}

/** The option an object literal is the value of: `tls` in `{ tls: { insecure: true } }`. */
function parentOption(p: ts.ObjectLiteralElementLike): string | undefined {
  const owner = p.parent.parent;
  return ts.isPropertyAssignment(owner) && owner.initializer === p.parent ? propertyName(owner.name) : undefined;
}

/** The light-bulb menu shows 50 characters: long option names are left out of the title. */
function fixTitle(setting: string): string {
  const full = `Verify certificates (${setting})`;
  return full.length <= 50 ? full : 'Verify certificates';
}
