import semver from 'semver';
import sdkVersions from '../../data/sdk-versions.json';
import { JsonDocument } from '../../src/manifest/json-document';
import { createAppRule } from '../../src/rule';
import type { Fix } from '../../src/types';

// peerDependencies state what a plugin works with, not what an app installs
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'optionalDependencies'];

export default createAppRule({
  meta: {
    id: 'outdated-sdk',
    target: 'package',
    description: 'package.json allows a chipchat release older than the oldest one Policy Lens supports.',
    clauses: ['F.4'],
    severity: 'warning',
    fixable: true,
    messages: {
      outdated: 'chipchat "{{spec}}" allows {{lowest}}, older than {{minimum}}, the oldest release supported (decided {{decided}}): keep the app updated with the SDK',
      pinned: 'chipchat {{lowest}} is older than {{minimum}}, the oldest release supported (decided {{decided}}): keep the app updated with the SDK',
    },
  },
  check(context) {
    const path = `${context.app.root}/package.json`;
    const text = context.readFile(path);
    if (text === undefined) return;
    const pkg = new JsonDocument(path, text);
    if (!pkg.isObject) return;
    const minimum = sdkVersions.minimum;
    for (const field of DEPENDENCY_FIELDS) {
      const pointer = `/${field}/${sdkVersions.package}`;
      const spec = pkg.get(pointer);
      if (typeof spec !== 'string') continue;
      const lowest = lowestVersion(spec);
      if (!lowest || semver.gte(lowest, minimum)) continue;
      const node = pkg.node(pointer)!;
      const fixes: Fix[] = [];
      const range = suggestedRange(spec, minimum);
      if (range) fixes.push({ description: `Require chipchat ${range}`, edits: [{ file: path, start: node.offset, end: node.offset + node.length, newText: JSON.stringify(range) }], safe: false });
      context.report({ file: path, start: node.offset, end: node.offset + node.length, messageId: semver.valid(spec.trim()) ? 'pinned' : 'outdated', data: { spec, lowest, minimum, decided: sdkVersions.decided }, fixes });
    }
  },
});

/** The lowest version a dependency spec admits: a semver range, `npm:chipchat@<range>`, or a git tag/`#semver:` spec. */
export function lowestVersion(spec: string): string | undefined {
  let s = spec.trim().replace(/^npm:chipchat@/, '');
  const hash = s.indexOf('#');
  if (/^(git\+|git:|github:|https?:)/.test(s) || (hash > 0 && /^[\w.-]{1,100}\/[\w.-]{1,100}#/.test(s))) {
    if (hash < 0) return undefined;
    const ref = s.slice(hash + 1);
    s = ref.startsWith('semver:') ? ref.slice('semver:'.length) : ref.replace(/^v(?=\d)/, '');
    if (!semver.valid(s) && !ref.startsWith('semver:')) return undefined;
  }
  if (!semver.validRange(s)) return undefined;
  try {
    return semver.minVersion(s)?.version;
  } catch {
    return undefined;
  }
}

/** `^0.7.2` → `^0.7.4`, `~0.5.0` → `~0.7.4`, `0.7.2` → `0.7.4`; other registry ranges → `^0.7.4`; git specs: none. */
function suggestedRange(spec: string, minimum: string): string | undefined {
  const s = spec.trim();
  if (/^(git\+|git:|github:|https?:|file:|link:)/.test(s) || s.includes('#')) return undefined;
  if (/^~\d/.test(s)) return `~${minimum}`;
  if (semver.valid(s)) return minimum;
  return `^${minimum}`;
}
