/** Expectations written in a fixture: `// ruleid: <id>` above a finding, `// ok: <id>` above a near-miss. */
export interface Expectation { kind: 'ruleid' | 'ok'; ruleId: string; line: number; annotationLine: number }

const ANNOTATION = /(?:\/\/|\/\*|\{\/\*|#)\s*(ruleid|ok):\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;

export function readAnnotations(text: string): Expectation[] {
  const lines = text.split(/\r?\n/);
  const out: Expectation[] = [];
  const pending: { kind: 'ruleid' | 'ok'; ids: string[]; line: number }[] = [];
  lines.forEach((l, i) => {
    const m = ANNOTATION.exec(l);
    if (m && /^\s*(\/\/|\/\*|\{\/\*|#|\*)/.test(l)) {
      pending.push({ kind: m[1] as 'ruleid' | 'ok', ids: m[2]!.split(',').map((s) => s.trim()), line: i });
      return;
    }
    if (!pending.length || l.trim() === '') return;
    for (const p of pending) for (const id of p.ids) out.push({ kind: p.kind, ruleId: id, line: i, annotationLine: p.line });
    pending.length = 0;
  });
  return out;
}
