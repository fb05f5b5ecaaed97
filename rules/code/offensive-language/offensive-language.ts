import { ts } from '../../src/ts';
import { createCodeRule } from '../../src/rule';
import { findProfanity, maskWord, staleAllowEntries } from '../../src/lexicon/profanity';
import { readableTexts, type TextPart } from '../../src/lexicon/readable-text';

const PART_NAMES: Record<TextPart, string> = {
  message: 'message',
  action: 'button or quick reply',
  item: 'card',
  form: 'form',
  field: 'form field',
  link: 'link',
};

export default createCodeRule({
  meta: {
    id: 'offensive-language',
    target: 'code',
    description: 'Vulgar or obscene words (English and Dutch word lists) in messages, buttons, cards and forms people read.',
    clauses: ['F.2'],
    severity: 'warning',
    fixable: false,
    messages: {
      vulgar: 'This {{part}} contains vulgar or obscene language ("{{word}}"{{more}}): consumers and the dealer\'s staff read it',
    },
  },
  create(context) {
    const stale = staleAllowEntries();
    if (stale.length) throw new Error(`rules/data/lexicons/profanity-allow.json lists words no word list contains: ${stale.join(', ')}`);
    return {
      // no-op: makes the file model collect object literals, where message-shaped objects are found
      [ts.SyntaxKind.ObjectLiteralExpression]() {},
      onEnd() {
        for (const t of readableTexts(context.model)) {
          if (t.part === 'link' || t.isFieldKey) continue;
          const hits = findProfanity(t.text);
          if (!hits.length) continue;
          context.report({
            messageId: 'vulgar',
            data: { part: PART_NAMES[t.part], word: maskWord(hits[0]!.word), more: hits.length > 1 ? ` and ${hits.length - 1} more` : '' },
            start: t.node.getStart(context.sourceFile),
            end: t.node.getEnd(),
          });
        }
      },
    };
  },
});
