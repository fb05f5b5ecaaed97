import lexicon from '../../data/lexicons/impersonation.json';
import { HOLE } from '../model/values';
import { PhraseMatcher, sentences, tokenize } from './tokens';

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

export function findIdentityClaims(text: string): IdentityClaim[] {
  const out: IdentityClaim[] = [];
  const all = tokenize(text);
  for (const m of HUMAN.matchTokens(all)) out.push({ kind: 'human', phrase: text.slice(all[m.from]!.start, all[m.to - 1]!.end) });
  // a persona that says it is a bot or an assistant is the honest way to use a name
  if (BOT_MARKERS.matchTokens(all).length) return out;
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
