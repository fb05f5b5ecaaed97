// Which HTTP route handlers receive webhook deliveries of a messaging platform (Web1on1 or any other), read
// from what the handler does with the request body and where the route is mounted. The vocabulary (path
// words, platforms' payload keys, bot frameworks' names) is data: rules/data/webhook-receivers.json.
import { ts } from '../ts';
import receivers from '../../data/webhook-receivers.json';
import { accessChain, unwrap } from '../model/syntax';
import { identifierWords } from '../lexicon/tokens';
import { isCredentialName } from '../lexicon/credentials/credential-value';

export interface Platform {
  name: string;
  pathWords: string[];
  payloadKeys: string[];
  check: string;
}

const PLATFORMS: readonly Platform[] = receivers.platforms;
const PATH_WORDS: ReadonlySet<string> = new Set(receivers.pathWords);
const BOT_NAMES: ReadonlySet<string> = new Set(receivers.botReceivers);
const BODY_PATHS: readonly (readonly string[])[] = receivers.requestBody.paths;
const BODY_READERS: ReadonlySet<string> = new Set(receivers.requestBody.readers);
const BODY_PARSERS: ReadonlySet<string> = new Set(receivers.requestBody.parsers);
const BODY_PARSER_CLASSES: ReadonlySet<string> = new Set(receivers.requestBody.parserClasses);

/**
 * The request body of a handler whose request parameter is `reqName`: `req.body`, `ctx.request.body`, Hapi's
 * `request.payload`, `await request.json()`, a parse of one (`JSON.parse(event.body)`, `new URLSearchParams(body)`),
 * or a variable in `aliases` that holds it.
 */
export function isRequestBody(e: ts.Expression, reqName: string | undefined, aliases: ReadonlySet<string>): boolean {
  let u = unwrap(e);
  if (ts.isAwaitExpression(u)) u = unwrap(u.expression);
  // new URLSearchParams(event.body ?? ''): a form-encoded body (Twilio, Slack) parsed
  if (ts.isNewExpression(u) && ts.isIdentifier(u.expression) && BODY_PARSER_CLASSES.has(u.expression.text) && u.arguments?.[0]) return isRequestBody(u.arguments[0], reqName, aliases);
  if (ts.isBinaryExpression(u) && (u.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || u.operatorToken.kind === ts.SyntaxKind.BarBarToken)) return isRequestBody(u.left, reqName, aliases);
  if (ts.isCallExpression(u)) {
    const callee = unwrap(u.expression);
    if (!ts.isPropertyAccessExpression(callee)) return false;
    const on = unwrap(callee.expression);
    // JSON.parse(event.body), querystring.parse(body), Object.fromEntries(new URLSearchParams(body))
    if (BODY_PARSERS.has(callee.name.text) && u.arguments[0]) return isRequestBody(u.arguments[0], reqName, aliases);
    return BODY_READERS.has(callee.name.text) && u.arguments.length === 0 && ts.isIdentifier(on) && on.text === reqName;
  }
  const chain = accessChain(u);
  if (!chain) return false;
  if (chain.length === 1) return aliases.has(chain[0]!);
  if (chain[0] !== reqName) return false;
  return BODY_PATHS.some((p) => p.length === chain.length - 1 && p.every((x, i) => x === chain[i + 1]));
}

/** `bot`, `this.messenger`, `botly`: an object named as a bot framework's instance. */
export function isBotObject(text: string): boolean {
  const name = text.replace(/^this\./, '').toLowerCase();
  if (!/^[\w$]+$/.test(name)) return false;
  return name.includes('bot') || BOT_NAMES.has(name);
}

export interface Receiver {
  /** The platform the path or the payload names, when one does. */
  platform: Platform | undefined;
}

/**
 * The handler reads the request body and the route is a webhook receiver: its path (or the variable holding it)
 * names a webhook or a platform, the body carries a platform's payload keys, or the body is handed to a bot.
 */
export function webhookReceiver(sf: ts.SourceFile, fn: ts.FunctionLikeDeclaration, pathTexts: readonly string[]): Receiver | undefined {
  const body = requestBodyUse(sf, fn);
  if (!body.read) return undefined;
  const pathWords = pathTexts.flatMap(identifierWords);
  const pathPlatform = PLATFORMS.find((p) => p.pathWords.some((w) => pathWords.includes(w)));
  const payloadPlatform = PLATFORMS.find((p) => p.payloadKeys.some((k) => body.keys.has(k)));
  const webhookPath = pathWords.some((w) => PATH_WORDS.has(w));
  if (!webhookPath && !pathPlatform && !payloadPlatform && !body.handedToBot) return undefined;
  return { platform: payloadPlatform ?? pathPlatform };
}

interface BodyUse {
  read: boolean;
  /** Top-level keys read from the body (`req.body.entry`, `const { entry } = req.body`). */
  keys: Set<string>;
  handedToBot: boolean;
}

/** How the handler uses `req.body` / `ctx.request.body` (and variables it is copied into). */
function requestBodyUse(sf: ts.SourceFile, fn: ts.FunctionLikeDeclaration): BodyUse {
  const use: BodyUse = { read: false, keys: new Set(), handedToBot: false };
  const first = fn.parameters[0];
  if (!first) return use;
  const aliases = new Set<string>();
  const reqName = ts.isIdentifier(first.name) ? first.name.text : undefined;
  if (ts.isObjectBindingPattern(first.name)) {
    // ({ body }, res) => …
    for (const el of first.name.elements) if ((el.propertyName ?? el.name).getText(sf) === 'body' && ts.isIdentifier(el.name)) aliases.add(el.name.text);
  }
  const isBody = (e: ts.Expression): boolean => isRequestBody(e, reqName, aliases);
  const visit = (n: ts.Node): void => {
    if (ts.isVariableDeclaration(n) && n.initializer && isBody(n.initializer)) {
      use.read = true;
      if (ts.isIdentifier(n.name)) aliases.add(n.name.text);
      else if (ts.isObjectBindingPattern(n.name)) for (const el of n.name.elements) use.keys.add((el.propertyName ?? el.name).getText(sf));
    } else if (ts.isVariableDeclaration(n) && n.initializer && reqName && ts.isObjectBindingPattern(n.name) && ts.isIdentifier(unwrap(n.initializer)) && (unwrap(n.initializer) as ts.Identifier).text === reqName) {
      // const { body } = req
      for (const el of n.name.elements) if ((el.propertyName ?? el.name).getText(sf) === 'body' && ts.isIdentifier(el.name)) aliases.add(el.name.text);
    }
    if ((ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) && isBody(n.expression)) {
      use.read = true;
      const key = ts.isPropertyAccessExpression(n) ? n.name.text : ts.isStringLiteralLike(n.argumentExpression) ? n.argumentExpression.text : undefined;
      if (key) use.keys.add(key);
    } else if (ts.isExpression(n) && isBody(n) && !ts.isPropertyAccessExpression(n.parent)) {
      use.read = true;
    }
    if (ts.isCallExpression(n) && n.arguments.some(isBody)) {
      const callee = unwrap(n.expression);
      if (ts.isPropertyAccessExpression(callee) && isBotObject(callee.expression.getText(sf))) use.handedToBot = true;
    }
    ts.forEachChild(n, visit);
  };
  if (fn.body) visit(fn.body);
  return use;
}

const EQUALITY = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);

/**
 * The handler compares something with a configured secret (`req.query.token !== process.env.HOOK_TOKEN`): a
 * shared-secret check authenticates the sender, if less well than a signature.
 */
export function comparesSecret(fn: ts.FunctionLikeDeclaration): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n) && EQUALITY.has(n.operatorToken.kind) && (namesSecret(n.left) || namesSecret(n.right))) found = true;
    else ts.forEachChild(n, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
}

function namesSecret(e: ts.Expression): boolean {
  const chain = accessChain(unwrap(e));
  const last = chain?.[chain.length - 1];
  return !!last && isCredentialName(last);
}
