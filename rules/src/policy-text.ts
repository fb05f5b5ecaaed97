import { createHash } from 'node:crypto';

export interface Clause {
  id: string;
  section: string;
  sectionTitle: string;
  text: string;
  /** sha256 of the clause text, first 16 hex digits: the report prints it so a changed policy shows. */
  hash: string;
}

export interface ClauseRegistry {
  policyVersion: string;
  source: string;
  clauses: Clause[];
}

export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 16);
}

/** Parses the published policy (clause ids in bold at each bullet, sections as `## X. Title`). */
export function parsePolicy(markdown: string, source: string): ClauseRegistry {
  const clauses: Clause[] = [];
  let section = '';
  let sectionTitle = '';
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^## ([A-F])\. (.+)$/.exec(line);
    if (heading) {
      section = heading[1]!;
      sectionTitle = heading[2]!.trim();
      continue;
    }
    const bullet = /^- \*\*([A-F]\.\d+)\*\* (.+)$/.exec(line);
    if (bullet && section) {
      const text = bullet[2]!.trim();
      clauses.push({ id: bullet[1]!, section, sectionTitle, text, hash: hashText(text) });
    }
  }
  return { policyVersion: hashText(markdown), source, clauses };
}
