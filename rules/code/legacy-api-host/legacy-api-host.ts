import { ts } from '../../src/ts';
import { API } from '../../src/data';
import { createCodeRule } from '../../src/rule';

const CURRENT_HOST = API.apiHosts[0]!;
const LEGACY_HOSTS = API.legacyApiHosts;
const HOST_CHAR = /[a-z0-9-]/i;

export default createCodeRule({
  meta: {
    id: 'legacy-api-host',
    target: 'code',
    reuse: 'statement',
    description: 'The legacy API host api.chatshipper.com instead of api.web1on1.chat.',
    clauses: ['F.4'],
    severity: 'warning',
    fixable: true,
    messages: {
      legacy: '{{host}} is the legacy ChatShipper API host: keep the app updated and call {{current}}',
    },
  },
  create(context) {
    const visit = (node: ts.Node) => {
      // the raw source of the literal: offsets map one to one, escapes and all
      const start = node.getStart(context.sourceFile);
      const raw = context.text.slice(start, node.getEnd());
      for (const host of LEGACY_HOSTS) {
        for (let i = raw.indexOf(host); i >= 0; i = raw.indexOf(host, i + host.length)) {
          const before = raw[i - 1] ?? '';
          const after = raw[i + host.length] ?? '';
          // a whole host name: not `myapi.chatshipper.com` or `api.chatshipper.com.evil.example`
          if (HOST_CHAR.test(before) || before === '.' || HOST_CHAR.test(after) || (after === '.' && HOST_CHAR.test(raw[i + host.length + 1] ?? ''))) continue;
          const at = start + i;
          context.report({
            messageId: 'legacy',
            data: { host, current: CURRENT_HOST },
            start: at,
            end: at + host.length,
            fixes: [{ description: `Use ${CURRENT_HOST}`, edits: [{ file: context.file, start: at, end: at + host.length, newText: CURRENT_HOST }], safe: true }],
          });
        }
      }
    };
    return {
      [ts.SyntaxKind.StringLiteral]: visit,
      [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: visit,
      [ts.SyntaxKind.TemplateHead]: visit,
      [ts.SyntaxKind.TemplateMiddle]: visit,
      [ts.SyntaxKind.TemplateTail]: visit,
    };
  },
});
