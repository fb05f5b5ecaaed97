import { applyEdits, findNodeAtLocation, getNodeValue, modify, parseTree, printParseErrorCode, type JSONPath, type Node, type ParseError } from 'jsonc-parser';
import type { FileEdit } from '../types';
import { appendArrayItems, removeArrayItem, replaceValue } from './minimal-edits';

export interface JsonProblem { message: string; start: number; end: number }

/** A JSON file kept as text: values, exact ranges by JSON pointer, and minimal edits in its own style. */
export class JsonDocument {
  readonly tree: Node | undefined;
  readonly value: unknown;
  /** Syntax errors, comments and trailing commas (the manifest is strict JSON). */
  readonly problems: JsonProblem[] = [];

  constructor(readonly path: string, readonly text: string) {
    const errors: ParseError[] = [];
    let tree: Node | undefined;
    try {
      tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    } catch (e) {
      // jsonc-parser recurses per nesting level; absurd nesting is a finding, not a crash
      if (!(e instanceof RangeError)) throw e;
      this.problems.push({ message: 'JSON nested too deeply to read', start: 0, end: Math.min(1, text.length) });
    }
    this.tree = tree;
    // an error at the very end (a missing brace) ends there too, not one character past the text
    for (const e of errors) this.problems.push({ message: describeError(printParseErrorCode(e.error)), start: e.offset, end: Math.min(text.length, e.offset + Math.max(1, e.length)) });
    this.findCommentsAndTrailingCommas();
    let value: unknown;
    try {
      value = this.tree ? getNodeValue(this.tree) : undefined;
    } catch {
      value = undefined;
    }
    this.value = value;
  }

  get isObject(): boolean {
    return this.tree?.type === 'object';
  }

  node(pointer: string): Node | undefined {
    if (!this.tree) return undefined;
    return findNodeAtLocation(this.tree, pointerToPath(pointer));
  }

  get(pointer: string): unknown {
    const n = this.node(pointer);
    return n ? getNodeValue(n) : undefined;
  }

  /**
   * The range to report for a pointer: the value when present; for an absent field, the key of its
   * nearest present parent (the root's opening brace at the top level).
   */
  rangeOf(pointer: string): { start: number; end: number; pointer: string } {
    let path = pointerToPath(pointer);
    for (;;) {
      const n = this.tree ? findNodeAtLocation(this.tree, path) : undefined;
      if (n) {
        const prop = n.parent?.type === 'property' ? n.parent.children?.[0] : undefined;
        if (pointerToPath(pointer).length !== path.length && prop) return { start: prop.offset, end: prop.offset + prop.length, pointer: pathToPointer(path) };
        if (path.length === 0) return { start: n.offset, end: n.offset + 1, pointer: '' };
        return { start: n.offset, end: n.offset + n.length, pointer: pathToPointer(path) };
      }
      if (path.length === 0) return { start: 0, end: Math.min(1, this.text.length), pointer: '' };
      path = path.slice(0, -1);
    }
  }

  /** A minimal edit setting (or with `undefined`, removing) a value, in the file's indentation and line endings. */
  edit(pointer: string, value: unknown, opts: { insertIndex?: number; isArrayInsertion?: boolean } = {}): FileEdit[] {
    // Byte-minimal edits where they exist: jsonc-parser's modify re-formats the line an edit starts on.
    const path = pointerToPath(pointer);
    const existing = this.node(pointer);
    const parent = path.length ? this.node(pathToPointer(path.slice(0, -1))) : undefined;
    if (value === undefined && existing && parent?.type === 'array') return removeArrayItem(this, pointer);
    if (value !== undefined && existing && !opts.isArrayInsertion) return replaceValue(this, pointer, value);
    if (value !== undefined && opts.isArrayInsertion && parent?.type === 'array' && (opts.insertIndex === undefined || opts.insertIndex >= (parent.children?.length ?? 0)) && Number(path[path.length - 1]) >= (parent.children?.length ?? 0) - 0) {
      const appended = appendArrayItems(this, pathToPointer(path.slice(0, -1)), [value]);
      if (appended.length) return appended;
    }
    const edits = modify(this.text, pointerToPath(pointer), value, {
      formattingOptions: this.formatting(),
      getInsertionIndex: opts.insertIndex !== undefined ? () => opts.insertIndex! : undefined,
      isArrayInsertion: opts.isArrayInsertion,
    });
    return edits.map((e) => ({ file: this.path, start: e.offset, end: e.offset + e.length, newText: e.content }));
  }

  apply(edits: FileEdit[]): string {
    return applyEdits(this.text, edits.map((e) => ({ offset: e.start, length: e.end - e.start, content: e.newText })));
  }

  formatting(): { tabSize: number; insertSpaces: boolean; eol: string } {
    const eol = this.text.includes('\r\n') ? '\r\n' : '\n';
    const m = /\n([ \t]+)\S/.exec(this.text);
    if (m && m[1]!.startsWith('\t')) return { tabSize: 1, insertSpaces: false, eol };
    return { tabSize: m ? m[1]!.length : 2, insertSpaces: true, eol };
  }

  private findCommentsAndTrailingCommas(): void {
    const t = this.text;
    let inString = false;
    for (let i = 0; i < t.length; i++) {
      const c = t[i];
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '"') inString = true;
      else if (c === '/' && (t[i + 1] === '/' || t[i + 1] === '*')) {
        // a line comment ends before its line break (\n, \r\n or a lone \r); an unclosed block comment at the end
        const stop = t[i + 1] === '/' ? lineBreakAt(t, i) : t.includes('*/', i + 2) ? t.indexOf('*/', i + 2) + 2 : t.length;
        this.problems.push({ message: 'Comments are not allowed in strict JSON', start: i, end: stop });
        i = stop - 1;
      } else if (c === ',') {
        let j = i + 1;
        while (j < t.length && /\s/.test(t[j]!)) j++;
        if (t[j] === '}' || t[j] === ']') this.problems.push({ message: 'Trailing comma is not allowed in strict JSON', start: i, end: i + 1 });
      }
    }
  }
}

function lineBreakAt(t: string, from: number): number {
  for (let i = from; i < t.length; i++) if (t[i] === '\n' || t[i] === '\r') return i;
  return t.length;
}

export function pointerToPath(pointer: string): JSONPath {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function pathToPointer(path: JSONPath): string {
  return path.map((p) => '/' + String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function describeError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'Invalid symbol',
    InvalidNumberFormat: 'Invalid number',
    PropertyNameExpected: 'Property name expected',
    ValueExpected: 'Value expected',
    ColonExpected: 'Colon expected',
    CommaExpected: 'Comma expected',
    CloseBraceExpected: 'Closing brace expected',
    CloseBracketExpected: 'Closing bracket expected',
    EndOfFileExpected: 'End of file expected',
    InvalidCommentToken: 'Invalid comment',
    UnexpectedEndOfComment: 'Unexpected end of comment',
    UnexpectedEndOfString: 'Unterminated string',
    UnexpectedEndOfNumber: 'Unexpected end of number',
    InvalidUnicode: 'Invalid unicode escape',
    InvalidEscapeCharacter: 'Invalid escape character',
    InvalidCharacter: 'Invalid character',
  };
  return `JSON syntax error: ${words[code] ?? code}`;
}
