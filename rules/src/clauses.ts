import registry from '../policy/clauses.json';
import type { Clause, ClauseRegistry } from './policy-text';

export const CLAUSES: ClauseRegistry = registry;
export const CLAUSE_IDS: readonly string[] = registry.clauses.map((c) => c.id);

export function clause(id: string): Clause | undefined {
  return registry.clauses.find((c) => c.id === id);
}

/**
 * Clauses no static tool can check: a person attests them (manifest `compliance.attestations`).
 * Frozen: a test asserts this split, so a change here is a deliberate decision.
 */
export const MANUAL_ONLY: readonly string[] = ['A.1', 'A.2', 'D.4', 'E.3', 'E.4'];
/** Partly automated: rules cover some of it, an attestation covers the rest. */
export const PARTLY_AUTOMATED: readonly string[] = ['A.3', 'D.3', 'F.4', 'F.5'];

/** What the person attesting a manual clause is asked to confirm (the manual checklist). */
export const MANUAL_CHECKLIST: Readonly<Record<string, string>> = {
  'A.1': 'The app’s processing of personal data has been reviewed against the GDPR and local law (records of processing, DPIA where needed). Rules for A.4–A.8 cover parts of this.',
  'A.2': 'Nothing in the app lets a dealer get around the Web1on1 Terms, Developer Terms, DPA or Acceptable Use Policy.',
  'A.3': 'Nothing in the app lets a dealer get around the terms of other platforms it touches (WhatsApp Business, Google, car-brand portals), including through services the code only calls. platform-terms covers unofficial clients, scripted website logins, browser automation of a platform and follow churn.',
  'D.3': 'The app does not facilitate violations of law (consumer marketing law, telecom opt-in rules, financial regulation). bulk-messaging covers unsolicited messaging.',
  'D.4': 'The app, its texts, images and code infringe no one’s intellectual property, Web1on1’s included.',
  'E.3': 'The app’s design complies with applicable law (accessibility, consumer information duties).',
  'E.4': 'Design changes Web1on1 asked for have been made (or none were asked).',
  'F.4': 'The app is kept up to date and supported, and works as its documentation says. outdated-sdk covers the SDK version.',
  'F.5': 'Proof of compliance can be handed to Web1on1 on request: this report, with its suppressions and attestations.',
};
