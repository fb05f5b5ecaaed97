import { ts } from '../ts';
import type { FileModel } from './file-model';
import { apiResultOfPath } from './personal-data-api';
import { isPersonNoun, type PersonalDataRef } from './personal-data-sources';
import { isFunctionLike, propertyName, unwrap } from './syntax';

/**
 * An API client's own request function (`Intercom.prototype.request = function (method, path, parameters, cb)`)
 * that the file calls with paths of people's resources (`this.request('POST', 'users', userObj, cb)`): the
 * response bodies its HTTP callbacks get are people's records, and so is a parameter to which callers hand a
 * value named like a person's record (`userObj`, `contact`; not `{ id }`). Debug logs of "every request's parameters" and "every raw response" there print them.
 */

/** Parameters that configure a request rather than carry its data. */
const CONTROL_PARAMETERS = /^(method|verb|httpMethod|path|url|uri|endpoint|resource|cb|callback|done|next|fn|options|opts|config|headers|timeout|retries)$/i;
const ERROR_PARAMETERS = /^(err|error|e|er|ex)$/i;
/** The parameter that takes the resource's path: callers naming people there make the function a people API's. */
const PATH_PARAMETERS = /^(path|url|uri|endpoint|resource|route|pathname)$/i;

export function peopleApiWrapperParams(model: FileModel): Map<ts.ParameterDeclaration, PersonalDataRef> {
  const out = new Map<ts.ParameterDeclaration, PersonalDataRef>();
  const functions = namedFunctions(model);
  if (!functions.size) return out;
  const resources = new Map<ts.FunctionLikeDeclaration, { paths: Set<string>; records: Set<number> }>();
  for (const call of model.nodes<ts.CallExpression>(ts.SyntaxKind.CallExpression)) {
    const callee = unwrap(call.expression);
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    const fns = name ? functions.get(name) : undefined;
    if (!fns) continue;
    call.arguments.forEach((arg, i) => {
      // only an argument that fills a path parameter is read as a path (resolving every string is not cheap)
      const takers = fns.filter((fn) => isPathParameter(fn.parameters[i]));
      if (!takers.length) return;
      const path = model.values.string(arg)?.text;
      const ref = path && !/\s/.test(path) ? apiResultOfPath(path) : undefined;
      if (!ref) return;
      for (const fn of takers) {
        const seen = resources.get(fn) ?? { paths: new Set<string>(), records: new Set<number>() };
        seen.paths.add(path!.split('/').filter(Boolean)[0] ?? path!);
        // `this.request('POST', 'users', userObj, cb)`: a caller hands a person's record to the request
        call.arguments.forEach((a, j) => {
          const v = unwrap(a);
          if (j !== i && ts.isIdentifier(v) && isPersonNoun(v.text)) seen.records.add(j);
        });
        resources.set(fn, seen);
      }
    });
  }
  for (const [fn, { paths, records }] of resources) {
    const what = `request data of a people API (${[...paths].slice(0, 3).join(', ')})`;
    fn.parameters.forEach((p, i) => {
      if (records.has(i) && ts.isIdentifier(p.name) && !CONTROL_PARAMETERS.test(p.name.text)) out.set(p, { what, whole: true, shape: 'record', fromApi: true });
    });
    // `request(options, function (err, res, body) { … })`: the answer to the request
    const walk = (n: ts.Node): void => {
      if (ts.isCallExpression(n)) {
        for (const a of n.arguments) {
          const cb = unwrap(a);
          const first = isFunctionLike(cb) ? cb.parameters[0] : undefined;
          if (!first || !ts.isIdentifier(first.name) || !ERROR_PARAMETERS.test(first.name.text)) continue;
          for (const p of (cb as ts.FunctionLikeDeclaration).parameters.slice(1)) out.set(p, { what: `response of a people API (${[...paths].slice(0, 3).join(', ')})`, whole: true, shape: 'record', fromApi: true });
        }
      }
      ts.forEachChild(n, walk);
    };
    if (fn.body) walk(fn.body);
  }
  return out;
}

function isPathParameter(p: ts.ParameterDeclaration | undefined): boolean {
  return !!p && ts.isIdentifier(p.name) && PATH_PARAMETERS.test(p.name.text);
}

/** Functions with a path parameter, by the name callers use: declarations, methods, `X.prototype.m = function`, `const m = () => …`. */
function namedFunctions(model: FileModel): Map<string, ts.FunctionLikeDeclaration[]> {
  const out = new Map<string, ts.FunctionLikeDeclaration[]>();
  const add = (name: string | undefined, fn: ts.Node | undefined): void => {
    if (!name || !fn || !isFunctionLike(fn) || fn.parameters.length < 2 || !fn.parameters.some(isPathParameter)) return;
    out.set(name, [...(out.get(name) ?? []), fn]);
  };
  for (const f of model.nodes<ts.FunctionDeclaration>(ts.SyntaxKind.FunctionDeclaration)) add(f.name?.text, f);
  for (const m of model.nodes<ts.MethodDeclaration>(ts.SyntaxKind.MethodDeclaration)) add(propertyName(m.name), m);
  for (const d of model.nodes<ts.VariableDeclaration>(ts.SyntaxKind.VariableDeclaration)) if (ts.isIdentifier(d.name) && d.initializer) add(d.name.text, unwrap(d.initializer));
  for (const b of model.nodes<ts.BinaryExpression>(ts.SyntaxKind.BinaryExpression)) {
    if (b.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(b.left)) add(b.left.name.text, unwrap(b.right));
  }
  return out;
}
