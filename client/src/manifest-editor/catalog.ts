// What the form lists whatever the manifest says: the scope catalog, the known webhook events, the
// clauses a person attests, the capabilities. From rules/data and rules/policy, so the form and the
// rules never disagree.
import { clause, MANUAL_CHECKLIST } from '../../../rules/src/clauses';
import { EVENTS, SCOPES } from '../../../rules/src/data';
import { ATTESTED_CLAUSES } from './fields';
import type { Catalog } from './messages';

export function catalog(): Catalog {
  return {
    scopes: SCOPES.map((s) => ({ scope: s.scope, resource: s.scope.split(':')[0]!, description: s.description, personalData: s.personalData })),
    events: [...EVENTS.known],
    attestations: ATTESTED_CLAUSES.map((id) => ({ id, title: clause(id)?.sectionTitle ?? '', checklist: MANUAL_CHECKLIST[id] ?? clause(id)?.text ?? '' })),
    capabilities: [{ id: 'consumer-facing', description: 'The app sends messages that reach the dealer’s consumers (needed for messages:consumer).' }],
  };
}
