// Rewrites the generated rule table in README.md.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceBetween, ruleTableMarkdown, TABLE_END, TABLE_START } from '../test/support/generated';

const path = join(__dirname, '..', 'README.md');
writeFileSync(path, replaceBetween(readFileSync(path, 'utf8'), TABLE_START, TABLE_END, ruleTableMarkdown()));
console.log('README.md rule table written');
