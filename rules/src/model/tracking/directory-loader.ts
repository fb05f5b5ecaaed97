// A plugin folder loaded by a computed require: `for (const file of fs.readdirSync(dir)) require(path.join(dir, file))(bot)`
// with `dir` a folder of the app (`path.join(__dirname, 'plugins')`). What is loaded is every module of that
// folder, which the project index has read: the instance handed to each of them is followed into them (as for a
// plain `require('./plugins/x')(bot)`) instead of being lost.
import { ts } from '../../ts';
import type { FileModel } from '../file-model';
import { calleeName, isFunctionLike, unwrap } from '../syntax';

/** What `sdkPassedToImports` says for such a folder: its relative path with this suffix, `./plugins/*`. */
export const EVERY_MODULE = '/*';
const LISTING_CALLS = new Set(['readdirSync', 'readdir']);
const PATH_JOINS = new Set(['join', 'resolve']);

/** `require(path.join(dir, file))` over a listing of `dir`: the folder, relative to the file (`./plugins`). */
export function listedFolderOf(model: FileModel, loader: ts.CallExpression): string | undefined {
  const arg = loader.arguments[0];
  const u = arg && unwrap(arg);
  if (!u || !ts.isCallExpression(u) || !PATH_JOINS.has(calleeName(u) ?? '') || u.arguments.length < 2) return undefined;
  const entry = unwrap(u.arguments[u.arguments.length - 1]!);
  if (!ts.isIdentifier(entry)) return undefined;
  const folder = folderPath(model, u.arguments.slice(0, -1), 0);
  if (folder === undefined) return undefined;
  const listed = listingOf(entry);
  return listed !== undefined && folderPath(model, [listed], 0) === folder ? folder : undefined;
}

/** `__dirname, 'plugins'` → `./plugins`; a name resolves through its one value. Undefined when not static. */
function folderPath(model: FileModel, parts: readonly ts.Expression[], depth: number): string | undefined {
  if (depth > 4) return undefined;
  const segments: string[] = [];
  for (const p of parts) {
    const u = unwrap(p);
    if (ts.isIdentifier(u) && u.text === '__dirname') continue;
    if (ts.isStringLiteralLike(u)) {
      segments.push(u.text);
      continue;
    }
    if (ts.isCallExpression(u) && PATH_JOINS.has(calleeName(u) ?? '')) {
      const inner = folderPath(model, u.arguments, depth + 1);
      if (inner === undefined) return undefined;
      segments.push(inner);
      continue;
    }
    const held = ts.isIdentifier(u) ? model.values.heldExpression(u) : undefined;
    const inner = held ? folderPath(model, [held], depth + 1) : undefined;
    if (inner === undefined) return undefined;
    segments.push(inner);
  }
  const joined = segments.join('/').replace(/^(\.\/)+/, '').replace(/\/+/g, '/').replace(/\/$/, '');
  if (!joined || joined.startsWith('/') || joined.split('/').includes('..')) return undefined;
  return `./${joined}`;
}

/** The folder expression whose listing a loop variable walks: `for (const file of fs.readdirSync(dir).filter(…))`. */
function listingOf(entry: ts.Identifier): ts.Expression | undefined {
  for (let cur: ts.Node | undefined = entry.parent; cur; cur = cur.parent) {
    if (ts.isForOfStatement(cur) && ts.isVariableDeclarationList(cur.initializer) && cur.initializer.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === entry.text)) return listingCall(cur.expression);
    if (!isFunctionLike(cur)) continue;
    // fs.readdirSync(dir).forEach((file) => …)
    const first = cur.parameters[0];
    if (first && ts.isIdentifier(first.name) && first.name.text === entry.text) {
      return ts.isCallExpression(cur.parent) && ts.isPropertyAccessExpression(cur.parent.expression) ? listingCall(cur.parent.expression.expression) : undefined;
    }
  }
  return undefined;
}

/** `fs.readdirSync(dir)`, also behind `.filter(…)`/`.sort()`: its folder argument. */
function listingCall(e: ts.Expression): ts.Expression | undefined {
  let u = unwrap(e);
  for (let i = 0; i < 4 && ts.isCallExpression(u); i++) {
    if (LISTING_CALLS.has(calleeName(u) ?? '')) return u.arguments[0];
    if (!ts.isPropertyAccessExpression(u.expression)) return undefined;
    u = unwrap(u.expression.expression);
  }
  return undefined;
}

/**
 * `require(<listed folder>/file)(bot)`: notes the instance as passed to the default export of every module of the
 * folder and says the load is followed; false when the loaded module is used some other way.
 */
export function followListedFolder(model: FileModel, loader: ts.CallExpression): boolean {
  const folder = listedFolderOf(model, loader);
  if (folder === undefined) return false;
  const use = loader.parent;
  if (ts.isExpressionStatement(use)) return true;
  if (!ts.isCallExpression(use) || use.expression !== loader) return false;
  use.arguments.forEach((a, i) => {
    if (model.sdk.isInstance(a)) model.sdk.notePassedToImport(folder + EVERY_MODULE, 'default', i);
  });
  // the call of the loaded module is followed now: it is no escape of the instance
  const escapes = model.sdk.escapes;
  for (let i = escapes.length - 1; i >= 0; i--) if (escapes[i]!.node === use) escapes.splice(i, 1);
  return true;
}
