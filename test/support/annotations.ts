/**
 * Expectations written in a fixture, on a comment line above the code they describe (rules/README.md):
 * - `// ruleid: <id>` a finding of the rule starts on the next code line; `messageId=<m>` and `col=<n>` (1-based)
 *   narrow it to a finding with that message and column;
 * - `// ok: <id>` a near-miss: no finding there;
 * - `// todoruleid: <id>` a known miss: no finding yet, and the test fails once there is one (promote it to ruleid:);
 * - `// todook: <id>` a known false finding: tolerated, and the test fails once it is gone (promote it to ok:).
 */
export type AnnotationKind = 'ruleid' | 'ok' | 'todoruleid' | 'todook';

export interface Expectation {
  kind: AnnotationKind;
  ruleId: string;
  /** The 0-based line the expectation is about, and the line of the comment that says it. */
  line: number;
  annotationLine: number;
  messageId?: string;
  /** 1-based column of the finding's start. */
  col?: number;
}

const ANNOTATION = /(?:\/\/|\/\*|\{\/\*|#)\s*\b(todoruleid|todook|ruleid|ok):\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)((?:\s+[a-zA-Z]+=[^\s*]+)*)/;
const OPTION = /([a-zA-Z]+)=([^\s*]+)/g;

interface Pending { kind: AnnotationKind; ids: string[]; line: number; messageId?: string; col?: number }

export function readAnnotations(text: string): Expectation[] {
  const lines = text.split(/\r?\n/);
  const out: Expectation[] = [];
  const pending: Pending[] = [];
  lines.forEach((l, i) => {
    const m = ANNOTATION.exec(l);
    if (m && /^\s*(\/\/|\/\*|\{\/\*|#|\*)/.test(l)) {
      pending.push({ kind: m[1] as AnnotationKind, ids: m[2]!.split(',').map((s) => s.trim()), line: i, ...options(m[3] ?? '', i) });
      return;
    }
    if (!pending.length || l.trim() === '') return;
    for (const p of pending) {
      for (const id of p.ids) out.push({ kind: p.kind, ruleId: id, line: i, annotationLine: p.line, messageId: p.messageId, col: p.col });
    }
    pending.length = 0;
  });
  return out;
}

function options(text: string, line: number): { messageId?: string; col?: number } {
  const out: { messageId?: string; col?: number } = {};
  for (const [, key, value] of text.matchAll(OPTION)) {
    if (key === 'messageId') out.messageId = value;
    else if (key === 'col' && /^[1-9]\d*$/.test(value!)) out.col = Number(value);
    else throw new Error(`line ${line + 1}: unknown annotation option ${key}=${value} (messageId=<id>, col=<n>)`);
  }
  return out;
}
