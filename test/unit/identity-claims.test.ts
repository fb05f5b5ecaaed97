// What a bot's text claims about who is talking (D.2): denials of being a bot in English and Dutch, and the
// negations about something else that must stay silent.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findIdentityClaims } from '../../rules/src/lexicon/identity-claims';
import { HOLE } from '../../rules/src/model/values';

const human = (text: string) => findIdentityClaims(text).filter((c) => c.kind === 'human').map((c) => c.phrase);

describe('identity claims: a bot denying it is one', () => {
  const claims: [string, string][] = [
    [`Hoi! Ik ben Sanne van ${HOLE}, echt geen bot hoor. Wanneer wilt u langskomen?`, 'echt geen bot'],
    ["Haha no, I'm definitely not a robot. How can I help?", "I'm definitely not a robot"],
    ['Natuurlijk ben ik geen chatbot!', 'ben ik geen chatbot'],
    ["This isn't a bot.", "This isn't a bot"],
    ['Not a bot!', 'Not a bot'],
    ['Geen bot maar een echte medewerker.', 'Geen bot'],
    ['No bots here, just people.', 'No bots'],
    ['Dit is geen computer, u chat met Jan.', 'Dit is geen computer'],
  ];
  for (const [text, phrase] of claims) it(text, () => assert.deepEqual(human(text), [phrase]));

  const silent = [
    'No bot will ever ask for your PIN.',
    'Wilt u liever geen bot? Typ "medewerker".',
    'Are you not a bot?',
    'This is not a bot-free zone.',
    "I'm a bot, not a human.",
    'Ik ben geen mens, maar een digitale assistent.',
    'Geen zorgen, de bot helpt u verder.',
    'Not available now, the bot will answer.',
    'U hoeft geen computer te hebben.',
    "I'm not able to reach a colleague, our chatbot will help.",
  ];
  for (const text of silent) it(`silent: ${text}`, () => assert.deepEqual(human(text), []));

  it('a denied "bot" is no honest bot marker: the named staff claim beside it stays', () => {
    assert.deepEqual(
      findIdentityClaims('Ik ben Sanne van verkoop, geen bot hoor.').map((c) => c.kind).sort(),
      ['human', 'staff'],
    );
  });
});
