import { MANIFEST_NAME } from '../../src/app';
import { buildInitialManifest } from '../../src/manifest/initial-manifest';
import { createAppRule } from '../../src/rule';

export default createAppRule({
  meta: {
    id: 'manifest-missing',
    target: 'package',
    description: 'An app that uses the Web1on1 API or the chipchat SDK has no web1on1-app.json.',
    clauses: ['B.6', 'F.5'],
    severity: 'info',
    fixable: true,
    messages: {
      missing: 'This app {{uses}} but has no ' + MANIFEST_NAME + ': without it, the scopes it needs and its privacy and support details cannot be checked or shown to dealers',
    },
  },
  check(context) {
    const { app, index } = context;
    if (app.hasManifest) return;
    const pkgText = context.readFile(`${app.root}/package.json`);
    const pkg = parseObject(pkgText);
    const facts = [...index.files.values()];
    const uses = facts.some((f) => f.importsSdk) || /"chipchat"\s*:/.test(pkgText ?? '')
      ? 'uses the chipchat SDK'
      : facts.some((f) => f.scopeUses.length || f.unknownApiCalls.length) ? 'calls the Web1on1 API' : undefined;
    if (!uses) return;
    context.report({
      pointer: '',
      messageId: 'missing',
      data: { uses },
      fixes: [{
        description: `Create ${MANIFEST_NAME} from the code`,
        edits: [{ file: app.manifestPath, start: 0, end: 0, newText: buildInitialManifest(app, index, pkg) }],
        creates: [app.manifestPath],
        safe: false,
      }],
    });
  },
});

function parseObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
