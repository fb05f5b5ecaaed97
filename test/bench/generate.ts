// Deterministic generator of chipchat-heavy bot code for the benchmarks: a monorepo of Web1on1 bots, each
// with a manifest, package.json and ~25 source files (handlers, sends, contacts.list, axios calls, an
// express webhook, TypeScript helpers), modelled on chipchat's examples and examples/service-reminder-bot.
// Same seed → same bytes, so figures from different runs compare.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mulberry32 } from '../support/mulberry32';

/** Bump when the templates change: cached corpora are regenerated. */
export const GENERATOR_VERSION = 3;

type Rng = () => number;

class Gen {
  constructor(readonly rng: Rng) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rng() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rng() * xs.length)]!;
  }
  chance(p: number): boolean {
    return this.rng() < p;
  }
  some<T>(xs: readonly T[], n: number): T[] {
    const pool = [...xs];
    const out: T[] = [];
    while (out.length < n && pool.length) out.push(pool.splice(Math.floor(this.rng() * pool.length), 1)[0]!);
    return out;
  }
}

const TOPICS = ['service', 'tyres', 'lease', 'tradein', 'testdrive', 'parts', 'warranty', 'recall', 'finance', 'insurance', 'carwash', 'rental', 'inspection', 'bodyshop', 'accessories'];
const BRANDS_OF_DEALERS = ['Garage Jansen', 'AutoHuis Noord', 'Van Dijk Motors', 'De Vries Auto', 'Autobedrijf Bakker', 'Smit Occasions', 'Mulder Cars', 'Visser Autogroep'];
const EVENTS_CONTACT = ['message.create.contact.chat', 'message.create.contact.postback', 'message.create.contact.command'];
const EVENTS_OTHER = ['conversation.create', 'conversation.update', 'contact.create', 'contact.update', 'message.create.agent.chat', 'channel.notify'];
const KEYWORDS = ['afspraak', 'appointment', 'prijs', 'price', 'openingstijden', 'opening hours', 'kenteken', 'licence plate', 'proefrit', 'test drive', 'banden', 'tyres', 'offerte', 'quote', 'onderhoud', 'maintenance'];
const SENTENCES = [
  'Which day suits you for the service visit?',
  'We are open Monday to Saturday from 8:00 to 18:00.',
  'Thanks! A colleague will get back to you within one working day.',
  'Could you tell me the licence plate of your car?',
  'Your car is ready to be picked up.',
  'Would you like to book a test drive this week?',
  'We have sent you a quote by e-mail.',
  'Our workshop can fit you in on Thursday morning.',
  'Let me check the availability of that model for you.',
  'The winter tyres are in stock at our Utrecht location.',
];
const QUESTIONS = ['What is your licence plate?', 'Which model are you interested in?', 'When would you like to come by?', 'What is the mileage of your car?', 'Which location is most convenient for you?'];
const TOUCHPOINTS = ['whatsapp', 'sms', 'web', 'email'];
const VENDORS = ['leadscore', 'crmsync', 'dealerhub', 'autotrack', 'carfinance', 'mailblast'];
const RESOURCES = ['contacts', 'conversations', 'messages', 'forms', 'users', 'channels', 'services', 'files'];
const META_KEYS = ['lastReminder', 'preferredLocation', 'segment', 'serviceDue', 'leadSource', 'optIn'];

interface Ctx {
  g: Gen;
  ts: boolean;
  topic: string;
  dealer: string;
  fn: () => string;
}

const VERBS = ['handle', 'sync', 'send', 'fetch', 'notify', 'schedule', 'update', 'collect', 'route', 'format', 'build', 'check'];
const NOUNS = ['Reminder', 'Booking', 'Lead', 'Contacts', 'Quote', 'Conversation', 'Followup', 'Survey', 'Invoice', 'Appointment', 'Summary', 'Slot'];

function T(c: Ctx, type: string): string {
  return c.ts ? `: ${type}` : '';
}

// ---- snippets: each returns a block of realistic bot code -------------------------------------------

function onMessage(c: Ctx): string {
  const { g } = c;
  const kw = g.pick(KEYWORDS);
  const log = g.chance(0.15) ? `\n  console.log('incoming message', message.text);` : '';
  return `bot.on('${g.pick(EVENTS_CONTACT)}', async (message${T(c, 'any')}, conversation${T(c, 'any')}) => {
  const contact = message.contact || {};${log}
  const text = (message.text || '').trim();
  if (/${kw}/i.test(text)) {
    await conversation.say({ text: '${g.pick(SENTENCES)}', role: 'agent' });
    return;
  }
  if (text.length > ${g.int(80, 400)}) {
    await conversation.say('${g.pick(SENTENCES)}');
    await conversation.send({ type: 'command', text: '/assign' });
    return;
  }
  conversation.set('${g.pick(META_KEYS)}', Date.now());
  await conversation.say({ text: '${g.pick(SENTENCES)}', role: 'agent', delay: ${g.int(2, 20) * 100} });
});
`;
}

function onOther(c: Ctx): string {
  const { g } = c;
  return `bot.on('${g.pick(EVENTS_OTHER)}', async (payload${T(c, 'any')}) => {
  const id = payload && payload.id;
  if (!id) return;
  const seen = cache.get(id);
  if (seen && Date.now() - seen < ${g.int(1, 60)} * 60 * 1000) return;
  cache.set(id, Date.now());
  const record = await bot.${g.pick(['contacts', 'conversations'])}.get(id);
  queue.push({ id, record, at: Date.now() });
});
`;
}

function onText(c: Ctx): string {
  const { g } = c;
  const key = g.pick(META_KEYS);
  return `bot.onText(['${g.pick(KEYWORDS)}', /${g.pick(KEYWORDS)}/i], async (message${T(c, 'any')}, conversation${T(c, 'any')}) => {
  const answer = await conversation.ask('${g.pick(QUESTIONS)}');
  conversation.set('${key}', answer.text);
  if (!answer.text) {
    await conversation.say('${g.pick(SENTENCES)}');
    return;
  }
  await conversation.say(\`Noted: \${answer.text}. ${g.pick(SENTENCES)}\`);
  await conversation.leave();
});
`;
}

function askCallback(c: Ctx): string {
  const { g } = c;
  const name = `answer${g.pick(NOUNS)}`;
  return `bot.registerCallback('${name}', (m${T(c, 'any')}, conv${T(c, 'any')}) => {
  conv.say(\`You picked \${m.text}\`);
  conv.ask({ text: '${g.pick(QUESTIONS)}', delay: ${g.int(5, 30) * 100} }, '${name}');
});
`;
}

function middleware(c: Ctx): string {
  const { g } = c;
  return `bot.use((message${T(c, 'any')}, conversation${T(c, 'any')}, next${T(c, '() => void')}) => {
  if (message.role === 'bot' || message.type === 'event') return;
  if (conversation && conversation.get('muted')) return;
  const started = Date.now();
  next();
  const took = Date.now() - started;
  if (took > ${g.int(100, 2000)}) stats.slow += 1;
});
`;
}

function contactsSync(c: Ctx): string {
  const { g } = c;
  const name = c.fn();
  const key = g.pick(META_KEYS);
  const upd = g.chance(0.5)
    ? `await bot.contacts.update(contact.id, { meta: { ...contact.meta, ${key}: new Date().toISOString() } });`
    : `updated.push(contact.id);`;
  return `async function ${name}(bot${T(c, 'any')}, limit = ${g.int(10, 200)})${c.ts ? ': Promise<number>' : ''} {
  const contacts = await bot.contacts.list({ limit, sort: '-createdAt' });
  const updated${c.ts ? ': string[]' : ''} = [];
  for (const contact of contacts) {
    if (!contact.profile || contact.meta?.optIn === false) continue;
    const due = new Date(contact.meta?.serviceDue || 0);
    if (due.getTime() > Date.now() + ${g.int(1, 30)} * DAY) continue;
    ${upd}
  }
  return updated.length || contacts.length;
}
`;
}

function createConversation(c: Ctx): string {
  const { g } = c;
  const name = c.fn();
  return `async function ${name}(bot${T(c, 'any')}, contactId${T(c, 'string')}, text${T(c, 'string')}) {
  const conversation = await bot.conversations.create({
    type: 'contact',
    contact: contactId,
    messages: [{ text, role: 'agent', touchpoint: '${g.pick(TOUCHPOINTS)}' }],
  });
  await bot.send(conversation.id, { type: 'command', text: '/notify' });
  return conversation;
}
`;
}

function messagesList(c: Ctx): string {
  const { g } = c;
  const name = c.fn();
  return `async function ${name}(bot${T(c, 'any')}, conversationId${T(c, 'string')}) {
  const messages = await bot.messages.list({ conversation: conversationId, limit: ${g.int(10, 100)} });
  const fromContact = messages.filter((m${T(c, 'any')}) => m.role === 'contact' && m.type === 'chat');
  const words = fromContact.map((m${T(c, 'any')}) => (m.text || '').split(/\\s+/).length).reduce((a${T(c, 'number')}, b${T(c, 'number')}) => a + b, 0);
  return { count: fromContact.length, words, last: fromContact[fromContact.length - 1] };
}
`;
}

function formsGet(c: Ctx): string {
  const name = c.fn();
  return `async function ${name}(bot${T(c, 'any')}, formId${T(c, 'string')}) {
  const form = await bot.forms.get(formId);
  const fields = (form.fields || []).filter((f${T(c, 'any')}) => !f.hidden);
  return fields.map((f${T(c, 'any')}) => ({ name: f.name, label: f.label || f.name, required: !!f.required }));
}
`;
}

function restClient(c: Ctx): string {
  const { g } = c;
  const res = g.pick(RESOURCES);
  const name = c.fn();
  return `const api = axios.create({
  baseURL: 'https://api.web1on1.chat/v2',
  timeout: ${g.int(2, 30) * 1000},
  headers: { Authorization: \`Bearer \${process.env.WEB1ON1_TOKEN}\` },
});

async function ${name}(id${T(c, 'string')}) {
  const { data } = await api.get(\`/${res}/\${id}\`);
  return data;
}
`;
}

function thirdParty(c: Ctx): string {
  const { g } = c;
  const name = c.fn();
  const vendor = g.pick(VENDORS);
  const body = g.chance(0.3)
    ? `{ email: contact.profile && contact.profile.email, name: contact.profile && contact.profile.name, topic: '${c.topic}' }`
    : `{ conversation: conversationId, topic: '${c.topic}', score: Math.round(score * 100) / 100 }`;
  return `async function ${name}(contact${T(c, 'any')}, conversationId${T(c, 'string')}, score${T(c, 'number')}) {
  try {
    await axios.post('https://api.${vendor}.io/v1/events', ${body}, { timeout: ${g.int(1, 10) * 1000} });
  } catch (err) {
    stats.errors += 1;
  }
}
`;
}

function webhook(c: Ctx): string {
  const { g } = c;
  return `const app = express();
app.use(express.json({ verify: (req${T(c, 'any')}, _res${T(c, 'any')}, buf${T(c, 'Buffer')}) => { req.rawBody = buf; } }));

function verifySignature(req${T(c, 'any')})${c.ts ? ': boolean' : ''} {
  const expected = crypto.createHmac('sha1', process.env.WEBHOOK_SECRET || '').update(req.rawBody || '').digest('hex');
  const given = String(req.headers['x-hub-signature'] || '').replace(/^sha1=/, '');
  return given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

app.post('/${c.topic}/webhook', (req${T(c, 'any')}, res${T(c, 'any')}) => {
  if (!verifySignature(req)) return res.sendStatus(401);
  const { event, data } = req.body || {};
  queue.push({ event, data, at: Date.now() });
  res.sendStatus(${g.pick([200, 202, 204])});
});

app.listen(process.env.PORT || ${g.int(3000, 3999)});
`;
}

function utility(c: Ctx): string {
  const { g } = c;
  const name = c.fn();
  switch (g.int(0, 4)) {
    case 0:
      return `function ${name}(plate${T(c, 'string')})${c.ts ? ': string' : ''} {
  const clean = String(plate || '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (clean.length !== 6) return clean;
  return [clean.slice(0, 2), clean.slice(2, 4), clean.slice(4)].join('-');
}
`;
    case 1:
      return `function ${name}(date${T(c, 'Date')}, locale = '${g.pick(['nl-NL', 'en-GB', 'de-DE'])}')${c.ts ? ': string' : ''} {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(date);
}
`;
    case 2:
      return `function ${name}(text${T(c, 'string')})${c.ts ? ": 'booking' | 'price' | 'hours' | 'other'" : ''} {
  const t = text.toLowerCase();
  switch (true) {
    case /afspraak|appointment|book/.test(t):
      return 'booking';
    case /prijs|price|kost/.test(t):
      return 'price';
    case /open|hours|tijden/.test(t):
      return 'hours';
    default:
      return 'other';
  }
}
`;
    case 3:
      return `function ${name}(slots${T(c, 'Array<{ start: number; free: boolean }>')}, after = Date.now()) {
  const free = slots.filter((s) => s.free && s.start > after).sort((a, b) => a.start - b.start);
  const byDay = new Map${c.ts ? '<string, number>' : ''}();
  for (const s of free) {
    const day = new Date(s.start).toISOString().slice(0, 10);
    byDay.set(day, (byDay.get(day) || 0) + 1);
  }
  return { first: free[0], days: [...byDay.entries()].slice(0, ${g.int(3, 14)}) };
}
`;
    default:
      return `async function ${name}(fn${c.ts ? ': () => Promise<unknown>' : ''}, attempts = ${g.int(2, 5)}) {
  let lastError${c.ts ? ': unknown' : ''};
  for (let i = 0; i < attempts; i++) {
    try {
      return await fn();
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, ${g.int(1, 9) * 100} * 2 ** i));
    }
  }
  throw lastError;
}
`;
  }
}

function tsTypes(c: Ctx): string {
  const { g } = c;
  const n = g.pick(NOUNS);
  return `export interface ${n}Record {
  id: string;
  contactId: string;
  conversationId?: string;
  dealer: '${c.dealer}';
  createdAt: Date;
  status: 'open' | 'confirmed' | 'cancelled';
  meta: Record<string, string | number | boolean>;
}

export type ${n}Handler = (record: ${n}Record) => Promise<void>;
`;
}

/** Rare real-world mistakes, so the corpus exercises reporting paths too (~1 in 25 files). */
function mistake(c: Ctx): string {
  const { g } = c;
  switch (g.int(0, 3)) {
    case 0:
      return `const legacy = new ChipChat({ token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyIjoi${g.int(100000, 999999)}IiwibyI6ImRlYWxlciJ9.${'x'.repeat(20)}${g.int(1000, 9999)}' });\n`;
    case 1:
      return `const agent = new https.Agent({ rejectUnauthorized: false });\n`;
    case 2:
      return `bot.on('message.create.contact.chat', (message${T(c, 'any')}, conversation${T(c, 'any')}) => {\n  if (/pay|betalen/i.test(message.text || '')) conversation.say('Please send us your credit card number and CVC.');\n});\n`;
    default:
      return `bot.on('message.create.contact.chat', (message${T(c, 'any')}) => {\n  console.log('from', message.contact && message.contact.profile && message.contact.profile.email);\n});\n`;
  }
}

// ---- files ------------------------------------------------------------------------------------------

type Kind = 'entry' | 'handlers' | 'service' | 'client' | 'webhook' | 'jobs' | 'util' | 'types';

function header(c: Ctx, kind: Kind): string {
  const imports: [string, string][] = [];
  if (kind === 'entry' || kind === 'handlers') imports.push(['ChipChat', 'chipchat']);
  if (kind === 'client' || kind === 'service' || kind === 'jobs') imports.push(['axios', 'axios']);
  if (kind === 'webhook') imports.push(['express', 'express'], ['crypto', 'crypto']);
  if (kind === 'entry' && c.g.chance(0.3)) imports.push(['https', 'https']);
  const lines = imports.map(([n, m]) => (c.ts ? `import ${m === 'crypto' || m === 'https' ? `* as ${n}` : n} from '${m}';` : `const ${n} = require('${m}');`));
  const prelude = [c.ts ? '' : `'use strict';\n`, `// ${c.dealer} — ${c.topic} (${kind})`, ...lines, ''];
  prelude.push(`const DAY = 24 * 60 * 60 * 1000;`, `const cache = new Map${c.ts ? '<string, number>' : ''}();`, `const queue${c.ts ? ': unknown[]' : ''} = [];`, `const stats = { slow: 0, errors: 0 };`, '');
  return prelude.join('\n');
}

function fileBody(c: Ctx, kind: Kind): string {
  const { g } = c;
  const parts: string[] = [header(c, kind)];
  const bot = `const bot = new ChipChat({ token: process.env.TOKEN${g.chance(0.3) ? ', host: process.env.WEB1ON1_HOST' : ''} });\nbot.on('error', (err${T(c, 'any')}) => stats.errors++);\n`;
  const defined: string[] = [];
  const fn = () => {
    const name = `${g.pick(VERBS)}${g.pick(NOUNS)}${defined.length || ''}`;
    defined.push(name);
    return name;
  };
  const cc: Ctx = { ...c, fn };
  const add = (n: number, pool: ((c: Ctx) => string)[]) => {
    for (let i = 0; i < n; i++) parts.push(g.pick(pool)(cc));
  };
  switch (kind) {
    case 'entry':
      parts.push(bot);
      add(g.int(2, 5), [onMessage, onText, askCallback, middleware, onOther]);
      add(g.int(0, 2), [utility]);
      parts.push(`bot.start();\n`);
      break;
    case 'handlers':
      parts.push(`module.exports = function register(bot${T(c, 'any')}) {\n`);
      add(g.int(3, 8), [onMessage, onText, askCallback, onOther]);
      parts.push(`};\n`);
      break;
    case 'service':
      add(g.int(3, 7), [contactsSync, createConversation, messagesList, formsGet, thirdParty]);
      break;
    case 'client':
      add(1, [restClient]);
      add(g.int(1, 3), [thirdParty, utility]);
      break;
    case 'webhook':
      add(1, [webhook]);
      add(g.int(0, 2), [utility]);
      break;
    case 'jobs':
      add(g.int(1, 3), [contactsSync, createConversation, messagesList]);
      parts.push(`setInterval(() => ${defined[0] ?? 'Date.now'}(bot).catch(() => stats.errors++), ${g.int(1, 24)} * 60 * 60 * 1000);\n`);
      break;
    case 'util':
      add(g.int(4, 9), [utility]);
      break;
    case 'types':
      add(g.int(1, 3), [c.ts ? tsTypes : utility]);
      add(g.int(1, 3), [utility]);
      break;
  }
  if (g.chance(0.04)) parts.push(mistake(cc));
  if (kind !== 'handlers' && kind !== 'entry' && defined.length) {
    parts.push(c.ts ? `export { ${defined.join(', ')} };\n` : `module.exports = { ${defined.join(', ')} };\n`);
  }
  // `bot` is referenced by service/job code that receives it as a parameter; jobs use a module-level one
  if (kind === 'jobs') parts.splice(1, 0, c.ts ? `declare const bot: any;\n` : `const { bot } = require('../bot');\n`);
  return parts.join('\n');
}

const FILE_PLAN: Kind[] = ['entry', 'handlers', 'handlers', 'handlers', 'handlers', 'handlers', 'service', 'service', 'service', 'service', 'client', 'client', 'webhook', 'jobs', 'jobs', 'jobs', 'util', 'util', 'util', 'util', 'types', 'types', 'handlers', 'service', 'util'];

function manifest(g: Gen, name: string, dealer: string, topic: string): string {
  const scopes = g.some(['contacts:read', 'contacts:write', 'conversations:read', 'conversations:write', 'messages:read', 'messages:consumer', 'forms:read', 'users:read'], g.int(3, 6));
  return JSON.stringify(
    {
      name,
      version: `1.${g.int(0, 9)}.${g.int(0, 20)}`,
      description: `${topic[0]!.toUpperCase()}${topic.slice(1)} assistant for ${dealer}: answers questions and books appointments over WhatsApp and web chat.`,
      developer: { name: `${dealer} Digital`, email: 'dev@example-dealer.nl', url: 'https://example-dealer.nl' },
      capabilities: ['consumer-facing'],
      tokenRole: 'bot',
      scopes: scopes.map((scope) => (g.chance(0.85) ? { scope, reason: `Needed for the ${topic} flow` } : { scope })),
      webhook: { url: `https://bots.example-dealer.nl/${topic}/webhook`, events: ['message.create.contact.chat', 'contact.update', 'contact.delete'] },
      privacyPolicyUrl: 'https://example-dealer.nl/privacy',
      support: { email: 'support@example-dealer.nl', url: 'https://example-dealer.nl/support' },
      securityContact: 'security@example-dealer.nl',
    },
    null,
    2,
  ) + '\n';
}

export interface GeneratedStats { apps: number; codeFiles: number; lines: number; bytes: number }

/**
 * Writes a monorepo of bots under `dir` (removed first): `files` code files in apps of 25, a third of the
 * apps in TypeScript. A `.git` marker stops the CLI's upward search for manifests at `dir`.
 */
export function generateBots(dir: string, files: number, seed: number): GeneratedStats {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, '.git'), { recursive: true });
  const g = new Gen(mulberry32(seed));
  const stats: GeneratedStats = { apps: 0, codeFiles: 0, lines: 0, bytes: 0 };
  const write = (p: string, text: string) => {
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  };
  for (let a = 0; stats.codeFiles < files; a++) {
    const topic = TOPICS[a % TOPICS.length]!;
    const dealer = g.pick(BRANDS_OF_DEALERS);
    const ts = a % 3 === 2;
    const name = `${topic}-bot-${a}`;
    const root = join(dir, 'apps', name);
    stats.apps++;
    write(join(root, 'package.json'), JSON.stringify({ name, version: '1.0.0', private: true, main: ts ? 'src/bot.ts' : 'src/bot.js', dependencies: { axios: '^1.7.0', chipchat: '^0.7.4', express: '^4.19.0' } }, null, 2) + '\n');
    write(join(root, 'web1on1-app.json'), manifest(g, `${dealer} ${topic} assistant`, dealer, topic));
    write(join(root, '.env.example'), 'TOKEN=\nWEB1ON1_TOKEN=\nWEBHOOK_SECRET=\nPORT=3000\n');
    const counters = new Map<string, number>();
    for (const kind of FILE_PLAN) {
      if (stats.codeFiles >= files) break;
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      const ext = ts ? '.ts' : '.js';
      const rel = kind === 'entry' ? `src/bot${ext}` : kind === 'webhook' ? `src/webhook${ext}` : `src/${kind}/${g.pick(NOUNS).toLowerCase()}-${n}${ext}`;
      const text = fileBody({ g, ts, topic, dealer, fn: () => '' }, kind);
      write(join(root, rel), text);
      stats.codeFiles++;
      stats.lines += text.split('\n').length;
      stats.bytes += Buffer.byteLength(text);
    }
  }
  return stats;
}
