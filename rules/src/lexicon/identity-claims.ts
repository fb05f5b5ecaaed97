import lexicon from '../../data/lexicons/impersonation.json';
import { HOLE } from '../model/values';
import { PhraseMatcher, sentences, tokenize, type Token } from './tokens';

/** What a bot's text claims about who is talking (D.2): to be a human, or a named member of the dealer's staff. */
export interface IdentityClaim {
  kind: 'human' | 'staff';
  /** The words of the claim, as written. */
  phrase: string;
}

type Lang = { en: string[]; nl: string[] };

function matcher(l: Lang): PhraseMatcher<string> {
  const m = new PhraseMatcher<string>();
  for (const w of [...l.en, ...l.nl]) m.add(w, w);
  return m;
}

const HUMAN = matcher(lexicon.humanClaims);
const INTROS = matcher(lexicon.selfIntroductions);
const ROLES = matcher(lexicon.staffRoles);
const BOT_MARKERS = matcher(lexicon.botMarkers);

const words = (l: Lang) => new Set([...l.en, ...l.nl].map((w) => w.toLowerCase()));
const denials = lexicon.botDenials;
const NEGATIONS = words(denials.negations);
const FILLERS = words(denials.fillers);
const PARTICLES = words(denials.particles);
const CLAUSE_BREAKS = words(denials.clauseBreaks);
const BOT_WORDS = new Set([...words(lexicon.botMarkers), ...words(denials.denialNouns)]);
/** Subjects as token lists, matched backwards from the word before the negation. */
const SUBJECTS = [...denials.subjects.en, ...denials.subjects.nl].map((p) => tokenize(p).map((t) => t.norm));
/** Commas, dashes and brackets end a clause: "Ik ben Sanne, echt geen bot hoor" holds the clause "echt geen bot hoor". */
const CLAUSE_MARK = /[,–—()]|\s-\s/g;

export function findIdentityClaims(text: string): IdentityClaim[] {
  const out: IdentityClaim[] = [];
  const all = tokenize(text);
  for (const m of HUMAN.matchTokens(all)) out.push({ kind: 'human', phrase: text.slice(all[m.from]!.start, all[m.to - 1]!.end) });
  // most texts hold no negation next to a word for a bot: the clause walk runs only where both occur
  const denied = all.some((t) => NEGATIONS.has(t.norm)) && all.some((t) => BOT_WORDS.has(t.norm)) ? botDenials(text) : [];
  for (const d of denied) if (!out.some((c) => c.phrase.toLowerCase().includes(d.phrase.toLowerCase()))) out.push({ kind: 'human', phrase: d.phrase });
  // a persona that says it is a bot or an assistant is the honest way to use a name (a denied "bot" says the opposite)
  if (BOT_MARKERS.matchTokens(all).some((m) => !denied.some((d) => all[m.from]!.start >= d.start && all[m.from]!.end <= d.end))) return out;
  for (const s of sentences(text)) {
    const tokens = tokenize(s.text);
    for (const intro of INTROS.matchTokens(tokens)) {
      const afterIntro = s.text.slice(tokens[intro.to - 1]!.end).replace(/^[\s,]+/, '');
      const next = tokens[intro.to];
      // "Ik ben ${agent.name}, uw verkoopadviseur": the name is filled in at run time
      const named = afterIntro.startsWith(HOLE) || (!!next && /^\p{Lu}\p{Ll}+$/u.test(next.raw) && s.text.slice(tokens[intro.to - 1]!.end, next.start).trim() === '');
      if (!named) continue;
      const role = ROLES.matchTokens(tokens.slice(intro.to))[0];
      if (!role) continue;
      const last = tokens[intro.to + role.to - 1]!;
      out.push({ kind: 'staff', phrase: s.text.slice(tokens[intro.from]!.start, last.end).replaceAll(HOLE, '…') });
      break;
    }
  }
  return out;
}

/**
 * "echt geen bot hoor", "I'm not a bot", "dit is geen chatbot": a negation and, after only fillers, a word for a
 * bot, said of the speaker (a subject right before the negation) or as a clause of its own. Questions are no claims.
 */
function botDenials(text: string): { phrase: string; start: number; end: number }[] {
  const out: { phrase: string; start: number; end: number }[] = [];
  for (const s of sentences(text)) {
    if (s.text.trim().endsWith('?')) continue;
    let from = 0;
    for (const clause of [...s.text.split(CLAUSE_MARK), '']) {
      const at = s.start + s.text.indexOf(clause, from);
      from = at - s.start + clause.length;
      if (!clause.trim()) continue;
      const tokens = tokenize(clause);
      for (let i = 0; i < tokens.length; i++) {
        if (!NEGATIONS.has(tokens[i]!.norm)) continue;
        let j = i + 1;
        while (j < tokens.length && FILLERS.has(tokens[j]!.norm) && !BOT_WORDS.has(tokens[j]!.norm)) j++;
        const noun = tokens[j];
        // "not a bot-free zone": a compound is no denial
        if (!noun || !BOT_WORDS.has(noun.norm) || clause[noun.end] === '-') continue;
        const subject = subjectBefore(tokens, i);
        const alone = subject === undefined && tokens.slice(0, i).every((t) => FILLERS.has(t.norm) || NEGATIONS.has(t.norm)) && endsClause(tokens, j + 1);
        if (subject === undefined && !alone) continue;
        const start = tokens[subject ?? 0]!.start;
        out.push({ phrase: clause.slice(start, noun.end), start: at + start, end: at + noun.end });
        break;
      }
    }
  }
  return out;
}

/** Index of the first token of a subject that ends right before `neg` (fillers between allowed). */
function subjectBefore(tokens: readonly Token[], neg: number): number | undefined {
  let k = neg - 1;
  while (k >= 0 && FILLERS.has(tokens[k]!.norm) && !SUBJECTS.some((p) => p.length === 1 && p[0] === tokens[k]!.norm)) k--;
  for (const p of SUBJECTS) {
    const first = k - p.length + 1;
    if (first >= 0 && p.every((w, n) => tokens[first + n]!.norm === w)) return first;
  }
  return undefined;
}

/** Only particles follow until the clause ends (or a "but"/"maar" starts the next one). */
function endsClause(tokens: readonly Token[], from: number): boolean {
  for (let k = from; k < tokens.length; k++) {
    if (CLAUSE_BREAKS.has(tokens[k]!.norm)) return true;
    if (!PARTICLES.has(tokens[k]!.norm) && !FILLERS.has(tokens[k]!.norm)) return false;
  }
  return true;
}
