import { ts } from '../../src/ts';
import type { FileModel } from '../../src/model/file-model';
import { unwrap } from '../../src/model/syntax';
import { cardNumberIn } from './card-number';
import { looksForCardNumbers } from './card-regex';
import { NodesByPosition } from './node-index';

/** Where a file holds or looks for card numbers: calls that apply a card-number regex, constants that hold one. */
export class CardFinders {
  private cardRegexCalls: NodesByPosition | undefined;
  private readonly cardByConstant = new Map<string, string | undefined>();
  private cardConstants: boolean | undefined;

  constructor(private readonly model: FileModel) {}

  /** `text.match(/…/)`, `CARD_RE.exec(text)`, `text.replace(CARD_RE, …)` with a regex that matches card numbers. */
  appliedWithin(expr: ts.Node): boolean {
    this.cardRegexCalls ??= this.findCardRegexCalls();
    return this.cardRegexCalls.someWithin(expr);
  }

  private findCardRegexCalls(): NodesByPosition {
    const found = this.model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression).filter((n) => {
      if (!ts.isPropertyAccessExpression(n.expression)) return false;
      const m = n.expression.name.text;
      if ((m === 'match' || m === 'matchAll') && n.arguments[0]) return this.isCardRegex(n.arguments[0]);
      if (m === 'exec') return this.isCardRegex(n.expression.expression);
      return false;
    });
    return new NodesByPosition(found);
  }

  /** A regex (literal, constant or `new RegExp('…')`) written to find card numbers. */
  isCardRegex(expr: ts.Expression): boolean {
    let e = unwrap(expr);
    if (ts.isIdentifier(e)) e = this.model.values.initializerOf(e.text) ?? e;
    e = unwrap(e);
    let source: string | undefined;
    if (ts.isRegularExpressionLiteral(e)) source = e.text.slice(1, e.text.lastIndexOf('/'));
    else if (ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'RegExp') source = this.model.values.string(e.arguments?.[0])?.text;
    return !!source && looksForCardNumbers(source);
  }

  /** Whether a constant of the file resolves to a string holding a card number. */
  hasCardConstants(): boolean {
    if (this.cardConstants === undefined) {
      this.cardConstants = false;
      for (const d of this.model.nodes<ts.VariableDeclaration>(ts.SyntaxKind.VariableDeclaration)) {
        if (ts.isIdentifier(d.name) && this.cardInConstant(d.name)) this.cardConstants = true;
      }
    }
    return this.cardConstants;
  }

  /** A card number in the constant a name resolves to (the same for every use of the name). */
  cardInConstant(id: ts.Identifier): string | undefined {
    const name = id.text;
    if (this.cardByConstant.has(name)) return this.cardByConstant.get(name);
    const text = this.model.values.string(id)?.text;
    const pan = text !== undefined ? cardNumberIn(text) : undefined;
    this.cardByConstant.set(name, pan);
    return pan;
  }
}
