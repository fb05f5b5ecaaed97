// What the client sends is checked before a handler sees it. A notification whose params do not have the
// protocol's shape is dropped with a line in the log; a request gets an InvalidParams error saying what is
// wrong; edits to documents the server does not know, versions going back and ranges past the end are
// named in the log. Handlers can then take their params as typed.
import {
  CodeActionContext,
  ErrorCodes,
  Position,
  Range,
  ResponseError,
  TextDocumentIdentifier,
  TextDocumentItem,
  VersionedTextDocumentIdentifier,
  type Connection,
  type DidChangeTextDocumentParams,
} from 'vscode-languageserver';
import { ExportReportRequest, ListingRequest, ManifestStateRequest, ReportRequest, RuleInfoRequest } from './protocol';

/** What is wrong with a message's params, in words; undefined when nothing is. */
type Check = (params: unknown) => string | undefined;

/** The open document a change applies to, as far as the checks need it. */
export interface OpenDocumentInfo { version: number; lineCount: number }

type Handler = (...args: never[]) => unknown;

const record = (v: unknown): Record<string, unknown> | undefined => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
const field = (v: unknown, name: string): unknown => record(v)?.[name];

const textDocument: Check = (p) => (TextDocumentIdentifier.is(field(p, 'textDocument')) ? undefined : 'params.textDocument.uri must be a string');
const all = (...checks: Check[]): Check => (p) => {
  for (const c of checks) {
    const problem = c(p);
    if (problem) return problem;
  }
  return undefined;
};
const position: Check = (p) => (Position.is(field(p, 'position')) ? undefined : 'params.position must be { line, character } with whole numbers from 0');
const range: Check = (p) => (Range.is(field(p, 'range')) ? undefined : 'params.range must be { start, end } positions with whole numbers from 0');
const object: Check = (p) => (record(p) ? undefined : 'params must be an object');
const stringField = (name: string, optional = false): Check => (p) => {
  const v = field(p, name);
  return (optional && v === undefined) || typeof v === 'string' ? undefined : `params.${name} must be a string`;
};

const didOpen: Check = (p) => (TextDocumentItem.is(field(p, 'textDocument')) ? undefined : 'params.textDocument must have uri, languageId and text (strings) and version (a whole number)');
const didChange: Check = (p) => {
  if (!VersionedTextDocumentIdentifier.is(field(p, 'textDocument'))) return 'params.textDocument must have uri (a string) and version (a whole number)';
  const changes = field(p, 'contentChanges');
  if (!Array.isArray(changes)) return 'params.contentChanges must be an array';
  for (const [i, c] of changes.entries()) {
    if (typeof field(c, 'text') !== 'string') return `contentChanges[${i}].text must be a string`;
    const r = field(c, 'range');
    if (r !== undefined && !Range.is(r)) return `contentChanges[${i}].range must be { start, end } positions with whole numbers from 0`;
  }
  return undefined;
};
const watchedFiles: Check = (p) => {
  const changes = field(p, 'changes');
  if (!Array.isArray(changes)) return 'params.changes must be an array';
  return changes.every((c) => typeof field(c, 'uri') === 'string' && [1, 2, 3].includes(field(c, 'type') as number)) ? undefined : 'each change needs uri (a string) and type (1, 2 or 3)';
};

const REQUESTS: Record<string, Check> = {
  'textDocument/hover': all(textDocument, position),
  'textDocument/completion': all(textDocument, position),
  'textDocument/codeAction': all(textDocument, range, (p) => (CodeActionContext.is(field(p, 'context')) ? undefined : 'params.context must have a diagnostics array')),
  'textDocument/codeLens': textDocument,
  'textDocument/diagnostic': textDocument,
  'workspace/executeCommand': stringField('command'),
  [RuleInfoRequest.method]: stringField('id'),
  [ReportRequest.method]: all(object, stringField('uri', true)),
  [ExportReportRequest.method]: all(object, stringField('uri', true)),
  [ListingRequest.method]: stringField('uri'),
  [ManifestStateRequest.method]: stringField('uri'),
};

/**
 * The connection as the server's handlers should see it: the same object, with its handler registrations
 * wrapped in the checks above. `openDocument` tells the state of an open document before a change applies.
 */
export function checkedConnection(connection: Connection, openDocument: (uri: string) => OpenDocumentInfo | undefined): Connection {
  const warn = (m: string) => connection.console.warn(`Policy Lens: ${m}`);
  const request = (method: string, handler: Handler): Handler => {
    const check = REQUESTS[method];
    if (!check) return handler;
    return ((params: unknown, ...rest: unknown[]) => {
      const problem = check(params);
      if (problem) throw new ResponseError(ErrorCodes.InvalidParams, `${method}: ${problem}`);
      return (handler as (...a: unknown[]) => unknown)(params, ...rest);
    }) as Handler;
  };
  const notification = (method: string, check: Check, handler: Handler, state?: (params: never) => boolean): Handler =>
    ((params: unknown) => {
      const problem = check(params);
      if (problem) return warn(`ignored ${method}: ${problem}`);
      if (state && !state(params as never)) return;
      return (handler as (p: unknown) => unknown)(params);
    }) as Handler;

  /** A change to a document that is open; notes versions going back and a range past the end. */
  const changeState = (p: DidChangeTextDocumentParams): boolean => {
    const doc = openDocument(p.textDocument.uri);
    if (!doc) {
      warn(`ignored a change to ${p.textDocument.uri}: that document is not open (no textDocument/didOpen came for it)`);
      return false;
    }
    if (p.textDocument.version <= doc.version) warn(`${p.textDocument.uri}: version ${p.textDocument.version} follows version ${doc.version}; versions should increase`);
    // later changes of one notification apply to the text the earlier ones made: the first alone is checked
    const first = p.contentChanges[0];
    const r = first && 'range' in first ? first.range : undefined;
    if (r && Math.max(r.start.line, r.end.line) >= doc.lineCount) {
      warn(`${p.textDocument.uri}: a change at line ${Math.max(r.start.line, r.end.line) + 1} of a ${doc.lineCount}-line document was applied at its end; if the text differs from the editor's, close and reopen it`);
    }
    return true;
  };

  const wrap: Record<string, (target: Connection) => unknown> = {
    onDidOpenTextDocument: (c) => (h: Handler) => c.onDidOpenTextDocument(notification('textDocument/didOpen', didOpen, h) as never),
    onDidChangeTextDocument: (c) => (h: Handler) => c.onDidChangeTextDocument(notification('textDocument/didChange', didChange, h, changeState) as never),
    onDidCloseTextDocument: (c) => (h: Handler) => c.onDidCloseTextDocument(notification('textDocument/didClose', textDocument, h) as never),
    onDidSaveTextDocument: (c) => (h: Handler) => c.onDidSaveTextDocument(notification('textDocument/didSave', textDocument, h) as never),
    onWillSaveTextDocument: (c) => (h: Handler) => c.onWillSaveTextDocument(notification('textDocument/willSave', textDocument, h) as never),
    onDidChangeWatchedFiles: (c) => (h: Handler) => c.onDidChangeWatchedFiles(notification('workspace/didChangeWatchedFiles', watchedFiles, h) as never),
    onHover: (c) => (h: Handler) => c.onHover(request('textDocument/hover', h) as never),
    onCompletion: (c) => (h: Handler) => c.onCompletion(request('textDocument/completion', h) as never),
    onCodeAction: (c) => (h: Handler) => c.onCodeAction(request('textDocument/codeAction', h) as never),
    onCodeLens: (c) => (h: Handler) => c.onCodeLens(request('textDocument/codeLens', h) as never),
    onExecuteCommand: (c) => (h: Handler) => c.onExecuteCommand(request('workspace/executeCommand', h) as never),
    // registered by name or by a typed RequestType object (protocol.ts)
    onRequest: (c) => (type: unknown, h: Handler) => c.onRequest(type as never, request(typeof type === 'string' ? type : (type as { method: string }).method, h) as never),
    languages: (c) => {
      const diagnostics = new Proxy(c.languages.diagnostics, {
        get: (t, prop) => (prop === 'on' ? (h: Handler) => t.on(request('textDocument/diagnostic', h) as never) : Reflect.get(t, prop, t)),
      });
      return new Proxy(c.languages, { get: (t, prop) => (prop === 'diagnostics' ? diagnostics : Reflect.get(t, prop, t)) });
    },
  };
  return new Proxy(connection, {
    get: (target, prop) => (typeof prop === 'string' && prop in wrap ? wrap[prop]!(target) : Reflect.get(target, prop, target)),
  });
}
