/**
 * Whether a regular expression's source looks for card numbers: the fewest digits any match needs is 13 or
 * more (`\d{13,19}`, `(?:\d[ -]?){13,19}`, `\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{4}`), where a phone number
 * (`06\d{8}`) or an IBAN (`[A-Z]{2}\d{2}[A-Z0-9]{4}\d{7}`) needs fewer. Read from the source text only: the
 * app's regex is never compiled or run.
 */
export function looksForCardNumbers(source: string): boolean {
  if (source.length > 300) return false;
  const p = new Parser(source);
  return p.alternatives() >= 13;
}

class Parser {
  private i = 0;
  constructor(private readonly s: string) {}

  /** Fewest digits of `a|b|…` up to a closing parenthesis or the end. */
  alternatives(): number {
    let best = this.sequence();
    while (this.s[this.i] === '|') {
      this.i++;
      best = Math.min(best, this.sequence());
    }
    return best;
  }

  private sequence(): number {
    let total = 0;
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const atom = this.atom();
      total += atom * this.quantifierMin();
    }
    return total;
  }

  /** Digits one occurrence of the next atom needs. */
  private atom(): number {
    const c = this.s[this.i]!;
    if (c === '\\') {
      const e = this.s[this.i + 1];
      this.i += 2;
      return e === 'd' ? 1 : 0;
    }
    if (c === '[') return this.charClass();
    if (c === '(') {
      this.i++;
      const look = this.s.startsWith('?=', this.i) || this.s.startsWith('?!', this.i) || this.s.startsWith('?<=', this.i) || this.s.startsWith('?<!', this.i);
      if (this.s.startsWith('?:', this.i)) this.i += 2;
      else if (this.s.startsWith('?<', this.i) && !look) this.i = Math.max(this.i, this.s.indexOf('>', this.i) + 1);
      const inner = this.alternatives();
      if (this.s[this.i] === ')') this.i++;
      return look ? 0 : inner;
    }
    this.i++;
    return c >= '0' && c <= '9' ? 1 : 0;
  }

  /** `[0-9]`, `[\d ]`, `[\d -]` count as a digit; a class with letters (`[A-Z0-9]`) does not. */
  private charClass(): number {
    let j = this.i + 1;
    let body = '';
    while (j < this.s.length && this.s[j] !== ']') {
      if (this.s[j] === '\\') {
        body += this.s.slice(j, j + 2);
        j += 2;
      } else body += this.s[j++];
    }
    this.i = Math.min(j + 1, this.s.length);
    if (body.startsWith('^')) return 0;
    const digits = body.includes('\\d') || body.includes('0-9');
    const letters = /[a-zA-Z]/.test(body.replace(/\\[dsbwDSW]/g, ''));
    return digits && !letters ? 1 : 0;
  }

  private quantifierMin(): number {
    const c = this.s[this.i];
    let min = 1;
    if (c === '*' || c === '?') {
      this.i++;
      min = 0;
    } else if (c === '+') {
      this.i++;
    } else if (c === '{') {
      const close = this.s.indexOf('}', this.i);
      const body = close > this.i ? this.s.slice(this.i + 1, close) : '';
      const n = Number(body.split(',')[0]);
      if (close > this.i && body.length <= 9 && Number.isInteger(n)) {
        this.i = close + 1;
        min = n;
      }
    }
    if (this.s[this.i] === '?') this.i++; // lazy
    return min;
  }
}
