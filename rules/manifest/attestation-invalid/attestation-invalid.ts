import clauses from '../../policy/clauses.json';
import { pathToPointer } from '../../src/manifest/json-document';
import { createAppRule } from '../../src/rule';
import { localDate } from '../../src/suppressions';

const CLAUSE_IDS = new Set(clauses.clauses.map((c) => c.id));
const FIELDS = ['statement', 'by', 'date'] as const;
const PLACEHOLDER = /^(?:todo|tbd|fixme|n\/?a|-|\?|x+|\.\.\.|…|<[^>]{0,40}>)$/i;

export default createAppRule({
  meta: {
    id: 'attestation-invalid',
    target: 'manifest',
    description: 'Compliance attestations that name no real clause, no signer or no valid date, or are older than a year.',
    clauses: ['F.5'],
    severity: 'warning',
    fixable: false,
    messages: {
      unknownClause: '"{{clause}}" is not a clause of the Web1on1 Developer Policy (A.1–F.5): this attestation proves nothing{{hint}}',
      missing: 'The attestation for {{clause}} has no "{{field}}": an attestation says what was checked (statement), who attests it (by) and when (date)',
      placeholder: 'The attestation for {{clause}} has a placeholder "{{field}}" ({{value}})',
      badDate: 'The attestation date for {{clause}} ({{value}}) is not a real date (YYYY-MM-DD)',
      future: 'The attestation date for {{clause}} ({{value}}) lies in the future: attest what has been checked, when it was checked',
      stale: 'The attestation for {{clause}} is more than a year old ({{value}}): check again and update it',
    },
  },
  check(context) {
    // wrong shapes are manifest-invalid's findings (they read as absent)
    const attestations = context.app.manifestObject()?.compliance?.attestations;
    if (!attestations) return;
    const today = localDate(context.now);
    const yearAgo = new Date(context.now);
    yearAgo.setFullYear(yearAgo.getFullYear() - 1);
    const oldest = localDate(yearAgo);
    for (const [clause, entry] of Object.entries(attestations)) {
      const at = pathToPointer(['compliance', 'attestations', clause]);
      if (!CLAUSE_IDS.has(clause)) {
        const normalised = clause.trim().toUpperCase().replace(/^([A-F])[\s.-]{0,3}(\d)$/, '$1.$2');
        const hint = normalised !== clause && CLAUSE_IDS.has(normalised) ? ` (did you mean "${normalised}"?)` : '';
        context.report({ pointer: at, messageId: 'unknownClause', data: { clause, hint } });
        continue;
      }
      if (!entry) continue;
      for (const field of FIELDS) {
        const v = entry[field];
        if (context.app.isMistyped(`${at}/${field}`)) continue;
        if (v === undefined || v.trim() === '') context.report({ pointer: `${at}/${field}`, messageId: 'missing', data: { clause, field } });
        else if (PLACEHOLDER.test(v.trim())) context.report({ pointer: `${at}/${field}`, messageId: 'placeholder', data: { clause, field, value: JSON.stringify(v.trim()) } });
      }
      const date = entry.date?.trim() ?? '';
      // the schema reports dates not written YYYY-MM-DD
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
      if (!isCalendarDate(date)) context.report({ pointer: `${at}/date`, messageId: 'badDate', data: { clause, value: date } });
      else if (date > today) context.report({ pointer: `${at}/date`, messageId: 'future', data: { clause, value: date } });
      else if (date < oldest) context.report({ pointer: `${at}/date`, messageId: 'stale', data: { clause, value: date } });
    }
  },
});

function isCalendarDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}
