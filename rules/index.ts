// The rule index: one line per rule folder, alphabetical (checked by test/unit/drift.test.ts;
// `npm run gen` rewrites it).
import type { Rule } from './src/rule';
import privacyPolicyUrl from './manifest/privacy-policy-url/privacy-policy-url';
import securityControlDisabled from './code/security-control-disabled/security-control-disabled';

export const allRules: readonly Rule[] = [
  privacyPolicyUrl,
  securityControlDisabled,
];
