// Regenerates rules/policy/clauses.json from the policy text kept beside it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePolicy } from '../rules/src/policy-text';

const dir = join(__dirname, '..', 'rules', 'policy');
const md = readFileSync(join(dir, 'web1on1-developer-policy.md'), 'utf8');
const registry = parsePolicy(md, 'rules/policy/web1on1-developer-policy.md');
writeFileSync(join(dir, 'clauses.json'), JSON.stringify(registry, null, 2) + '\n');
console.log(`${registry.clauses.length} clauses, policy ${registry.policyVersion}`);
