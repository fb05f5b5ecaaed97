import { ts } from '../../src/ts';
import { createCodeRule } from '../../src/rule';
import { codeSinkOf, decodedLiteral } from '../../src/model/code-sinks';
import { unwrap } from '../../src/model/syntax';

const WRITE_FNS = new Set(['writeFile', 'writeFileSync', 'appendFile', 'appendFileSync']);
const EXECUTABLE_FILE = /\.(?:c?js|mjs|ts|sh|bash|node|exe|bat|cmd|ps1|py)$/i;

export default createCodeRule({
  meta: {
    id: 'obfuscated-payload',
    target: 'code',
    description: 'Encoded blobs (base64, hex, char codes, escaped strings) decoded and then executed, loaded or written out as programs.',
    clauses: ['B.4'],
    severity: 'error',
    securitySeverity: 9.1,
    fixable: false,
    messages: {
      executed: '{{sink}} runs code hidden as {{encoding}}: code that only exists after decoding hides what the app does from reviewers and dealers; ship it as readable source',
      command: '{{sink}} runs a shell command hidden as {{encoding}}: a command that only exists after decoding hides what the app does on the server; write it out in the source',
      loaded: '{{sink}} loads a module whose name is hidden as {{encoding}}: the app conceals which capability it pulls in; require it by its plain name',
      hiddenCall: 'A function is called through a name hidden as {{encoding}} (obj[decoded](…)): a classic way to slip eval/require past review; call it by name',
      dropped: 'A program hidden as {{encoding}} is written to {{file}}: decoding a payload into an executable file is how droppers work; ship the file itself',
    },
  },
  create(context) {
    const values = context.model.values;

    const check = (node: ts.Node) => {
      const sink = codeSinkOf(context.model, node);
      if (sink) {
        const args = [sink.code, ...(sink.shellArgs ?? [])];
        for (const arg of args) {
          const encoding = decodedLiteral(arg, values);
          if (!encoding) continue;
          const messageId = sink.kind === 'module' ? 'loaded' : sink.kind === 'process' ? 'command' : 'executed';
          context.report({ messageId, data: { sink: sink.name.endsWith(')') ? sink.name : `${sink.name}()`, encoding }, start: node.getStart(context.sourceFile), end: node.getEnd() });
          return;
        }
        return;
      }
      if (!ts.isCallExpression(node)) return;
      const callee = unwrap(node.expression);
      if (ts.isElementAccessExpression(callee)) {
        const encoding = decodedLiteral(callee.argumentExpression, values);
        if (encoding) context.report({ messageId: 'hiddenCall', data: { encoding }, start: node.getStart(context.sourceFile), end: node.getEnd() });
        return;
      }
      // fs.writeFileSync('/tmp/x.js', Buffer.from(blob, 'base64'))
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
      if (!name || !WRITE_FNS.has(name)) return;
      const file = values.string(node.arguments[0]);
      if (!file || !EXECUTABLE_FILE.test(file.text)) return;
      const encoding = decodedLiteral(node.arguments[1], values);
      if (encoding) context.report({ messageId: 'dropped', data: { encoding, file: file.exact ? file.text : 'an executable file' }, start: node.getStart(context.sourceFile), end: node.getEnd() });
    };

    return { [ts.SyntaxKind.CallExpression]: check, [ts.SyntaxKind.NewExpression]: check };
  },
});
