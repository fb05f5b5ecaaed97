import vocabulary from '../../data/personal-data.json';
import { ts } from '../ts';
import type { FileModel } from './file-model';
import type { PersonalDataRef } from './personal-data-sources';
import { accessChain, unwrap } from './syntax';
import { HOLE } from './values';
import { isParameterInScope } from './personal-data-syntax';

/**
 * What another platform's API answers, judged by the words of the call: `messagebird.conversations.list(…)`,
 * `client.getChats()`, `slack.users.info(…)`, `chat.fetchMessages()`, a GET of `/contacts/{email}`. The result
 * carries people when the call reads (or updates) a resource named by a person-bearing noun; the receipt of
 * something the app itself sends or creates (`messages.create`, `conversations.reply`) is the app's own data.
 * Words in rules/data/personal-data.json (`apiResults`).
 */

const NOUNS: readonly string[] = vocabulary.apiResults.nouns;
const READ_VERBS: ReadonlySet<string> = new Set(vocabulary.apiResults.readVerbs);
const GENERIC: ReadonlySet<string> = new Set(vocabulary.apiResults.genericWords);
const EXCLUDED_RECEIVERS: ReadonlySet<string> = new Set(vocabulary.apiResults.excludedReceivers);
const NON_PERSONAL: ReadonlySet<string> = new Set(vocabulary.fields.nonPersonalLeaves.map((w) => w.toLowerCase()).concat(['ids', 'counts', 'total', 'exists', 'url', 'urls', 'link', 'token', 'status', 'state']));

/** `listMessages` → list, messages; `getChatById` → get, chat, by, id: the words of a name, lower case. */
export function nameWords(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

/** The person-bearing noun a word is, singular or plural (`conversations` → conversation), if any. */
function personNoun(word: string): string | undefined {
  return NOUNS.find((n) => word === n || word === n + 's' || (n.endsWith('y') && word === n.slice(0, -1) + 'ies'));
}

/**
 * What a call of another API returns, when its method (or the resource before a bare verb) names people.
 * `chain` is the callee's access chain: ['messagebird', 'conversations', 'listMessages'].
 */
export function apiResultOfChain(chain: readonly string[]): PersonalDataRef | undefined {
  if (chain.length < 2 || chain.some((p) => EXCLUDED_RECEIVERS.has(p.toLowerCase()))) return undefined;
  const noun = readNoun(nameWords(chain[chain.length - 1]!), nameWords(chain[chain.length - 2]!));
  return noun ? { what: `${noun} data from the API (${chain.slice(-2).join('.')})`, whole: true, shape: 'record', fromApi: true } : undefined;
}

/**
 * The person-bearing noun a name reads, if it reads one: `listMessages` → message, `getChatById` → chat,
 * `read` after `conversations` → conversation; none for `sendMessage`, `getContactCount` or `pin`.
 */
function readNoun(words: readonly string[], before: readonly string[]): string | undefined {
  // `getChatById`: what follows `by` says how the thing is found, not what it is
  const by = words.indexOf('by');
  const head = by > 0 ? words.slice(0, by) : words;
  const verb = head[0] !== undefined && READ_VERBS.has(head[0]);
  const rest = verb ? head.slice(1) : head;
  // without a reading verb the name must be a bare noun (`conversations.members()`): `sendMessage` sends
  if (!verb && !rest.every((w) => GENERIC.has(w) || !!personNoun(w))) return undefined;
  // generic tail words (`users.info`, `approveGroupMembershipRequests`) pass on to the word before them
  let i = rest.length - 1;
  while (i >= 0 && GENERIC.has(rest[i]!)) i--;
  // the name is only a verb (`conversations.read`): the resource before it says what is read
  const word = i >= 0 ? rest[i] : before[before.length - 1];
  if (word === undefined || NON_PERSONAL.has(word)) return undefined; // getContactCount, getChatIds
  return personNoun(word);
}

/** Method names that can read people at all: one holding a noun of the vocabulary, or a bare verb or generic word. */
function isCandidate(method: string): boolean {
  const lower = method.toLowerCase();
  return READ_VERBS.has(lower) || GENERIC.has(lower) || NOUNS.some((n) => lower.includes(n)) || lower.includes('people');
}

/** The result of a call expression of another API (see apiResultOfChain), from its callee. */
export function apiResult(call: ts.CallExpression): PersonalDataRef | undefined {
  const callee = unwrap(call.expression);
  // most calls (`push`, `log`, `then`) name nothing of the kind: no chain, no words
  if (!ts.isPropertyAccessExpression(callee) || !isCandidate(callee.name.text)) return undefined;
  const chain = accessChain(callee, true);
  return chain ? apiResultOfChain(chain) : undefined;
}

/**
 * A URL path that reads people, by its last meaningful segment: `/contacts/${email}`, `users`, `get_user_details`
 * (not `send_message`, not `/contacts/count`).
 */
export function apiResultOfPath(path: string): PersonalDataRef | undefined {
  const segments = path.replace(/^[a-z]+:\/\/[^/]*/i, '').split(/[?#]/)[0]!.split('/');
  for (let i = segments.length - 1; i >= 0; i--) {
    const seg = segments[i]!;
    // placeholders, holes, numeric ids and e-mail addresses stand for one record of the segment before
    if (!seg || /[{}:$@]|^\d+$/.test(seg) || seg.includes(HOLE)) continue;
    const noun = readNoun(nameWords(seg), []);
    return noun ? { what: `${noun} data from the API (${seg})`, whole: true, shape: 'record', fromApi: true } : undefined;
  }
  return undefined;
}

/**
 * Whether a call's receiver is another platform's client: a loaded module, an instance made from one, `this` (a
 * class around a client), or an API object itself (`(await msg.getChat()).fetchMessages()`, a handler's message).
 * A local list (`users.find(…)`) is none. `held` says what the personal-data model knows an expression holds.
 */
export function isApiReceiver(model: FileModel, receiver: ts.Expression, held: (e: ts.Expression) => PersonalDataRef | undefined, imported: ReadonlySet<string>, depth = 0): boolean {
  if (depth > 6) return false;
  const e = unwrap(receiver);
  if (e.kind === ts.SyntaxKind.ThisKeyword) return true;
  const known = held(e);
  if (known?.fromApi || known?.shape === 'channelMessage') return true;
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) return isApiReceiver(model, e.expression, held, imported, depth + 1);
  if (ts.isCallExpression(e) || ts.isNewExpression(e)) {
    // require('messagebird')(key)
    if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'require') return true;
    return isApiReceiver(model, e.expression, held, imported, depth + 1);
  }
  if (!ts.isIdentifier(e)) return false;
  if (imported.has(e.text)) return true;
  const init = isParameterInScope(e) ? undefined : model.values.initializerOf(e.text);
  const made = init ? unwrap(init) : undefined;
  return !!made && (ts.isNewExpression(made) || ts.isCallExpression(made) || ts.isPropertyAccessExpression(made)) && isApiReceiver(model, made, held, imported, depth + 1);
}

/** `bot.auth.user`, `me`, `self`: an argument that names the app's own account (`users.get(bot.auth.user)`). */
export function namesOwnAccount(arg: ts.Expression): boolean {
  const chain = accessChain(unwrap(arg)) ?? [];
  return chain.includes('auth') || chain[chain.length - 1] === 'me' || chain[chain.length - 1] === 'self';
}
