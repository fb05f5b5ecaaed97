// Rewrites rules/index.ts from the rule folders (alphabetical); the drift test runs the same check.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleIndexSource } from '../test/support/rule-folders';

writeFileSync(join(__dirname, '..', 'rules', 'index.ts'), ruleIndexSource());
console.log('rules/index.ts written');
