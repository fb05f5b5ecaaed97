import { ts } from '../ts';
import type { FileModel } from './file-model';
import { stores } from './sinks';
import { accessChain, calleeName, objectProperty, propertyName, unwrap } from './syntax';
import { HOLE } from './values';

/**
 * One store call as the shared vocabulary (rules/data/sinks.json, `stores`) reads it: a write, an update or a
 * delete, and the store it names (SQL table, collection, model, Redis key prefix, file, DynamoDB table,
 * module-level Map). `stores.ts` builds the app's stores and their functions from these.
 */

/** `add`: appends a new record; `write`: sets or overwrites one; `delete`: removes. */
export type StoreOpKind = 'add' | 'write' | 'delete';

export interface StoreIdentity {
  /** Normalised for matching (`Lead`, `leads`, `prisma.lead` all give `lead`). */
  key: string;
  /** In words for messages: `table leads`, `key lead:…`. */
  label: string;
}

export interface StoreOp {
  /** The call that writes or deletes (for an op through a wrapper: the call of the wrapper). */
  call: ts.CallExpression;
  kind: StoreOpKind;
  store?: StoreIdentity;
  /** The arguments that carry what is written. */
  data: readonly ts.Expression[];
  method: string;
  /** The write sets an expiry (a Redis EX option or setEx, a DynamoDB item's TTL attribute, `expire(key)`). */
  expires?: boolean;
  /** The store call inside the wrapper this op goes through (another module's when `file` is set). */
  inner?: { file?: string; start: number; end: number };
}

const DELETE_METHODS: ReadonlySet<string> = new Set(stores.deleteMethods());
const ADD_METHODS: ReadonlySet<string> = new Set(stores.addMethods());
/** Receiver-chain calls whose first argument names the table or collection (`knex('leads')`, `db.collection('leads')`). */
const NAMING_CALLS: ReadonlySet<string> = new Set(stores.namingCalls());
const NAMING_PROPERTIES: readonly string[] = stores.namingProperties();
/** Receivers that are the database rather than a table of it: they name no store. */
const GENERIC_RECEIVERS = /^(this|db|database|client|redis|knex|prisma|pool|conn|connection|trx|tx|cache|store|storage|kv|fs|fsp|promises|models?|sequelize|firestore|mongo|mongoose|sql|sqlite|pg|mysql|dynamo|ddb|docClient|documentClient|datastore|repo|repository|manager|em|entityManager|dataSource|session|app|self|_)$/i;
const SQL_TABLE = /^\s*(?:insert\s+(?:or\s+\w+\s+)?into|replace\s+into|update(?:\s+or\s+\w+)?|delete\s+from)\s+[`"[]?([\w.]+)/i;
const FILE_METHODS = /^(writeFile|writeFileSync|appendFile|appendFileSync|unlink|unlinkSync|rm|rmSync|outputFile|outputJson|writeJson|writeJSON|outputFileSync|writeJsonSync|remove|removeSync)$/;
const EXPIRING_METHODS = /^(setEx|setex|psetex|pSetEx)$/;
/** Attributes that give a record its expiry time (DynamoDB TTL, a Mongo TTL index field). */
const TTL_FIELDS = /^(ttl|expiresAt|expires_at|expireAt|expire_at|expiry|expires|expirationTime)$/;
const WRITE_COMMANDS: ReadonlySet<string> = new Set(stores.writeCommands());
const DELETE_COMMANDS: ReadonlySet<string> = new Set(stores.deleteCommands());


export class StoreCalls {
  constructor(private readonly model: FileModel) {}

  /** A store call by the vocabulary: a write, an update or a delete, with the store it names. */
  op(call: ts.CallExpression): StoreOp | undefined {
    const op = this.read(call);
    if (op && op.kind !== 'delete' && this.setsExpiry(call, op)) op.expires = true;
    return op;
  }

  /** Redis `set(k, v, { EX })`/`set(k, v, 'EX', n)`/`setEx`, `expire(key, s)`, a DynamoDB item with a TTL attribute. */
  private setsExpiry(call: ts.CallExpression, op: StoreOp): boolean {
    if (EXPIRING_METHODS.test(op.method)) return true;
    for (const a of call.arguments.slice(1)) {
      const e = unwrap(a);
      if (ts.isStringLiteralLike(e) && /^(EX|PX|EXAT|PXAT)$/i.test(e.text)) return true;
      const obj = this.model.values.objectLiteral(e);
      if (obj && obj.properties.some((p) => p.name && /^(EX|PX|EXAT|PXAT|expiration|ttl)$/i.test(propertyName(p.name) ?? ''))) return true;
    }
    const arg = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    const item = arg ? this.model.values.objectLiteral(ts.isNewExpression(arg) ? arg.arguments?.[0] : arg) : undefined;
    const fields = item ? this.model.values.objectLiteral(objectProperty(item, 'Item')) ?? item : undefined;
    return !!fields && fields.properties.some((p) => p.name && TTL_FIELDS.test(propertyName(p.name) ?? ''));
  }

  private read(call: ts.CallExpression): StoreOp | undefined {
    const name = calleeName(call);
    if (!name) return undefined;
    // `redis.expire('lead:42', 86400)`: the key's store expires
    if (/^(expire|pExpire|pexpire|expireAt|expireat)$/.test(name) && isKeyValueStore(call, this.model.sourceFile)) {
      const store = this.identity(call, name);
      return store ? { call, kind: 'write', store, data: [], method: name, expires: true } : undefined;
    }
    const sf = this.model.sourceFile;
    const e = call.expression;
    const mapStore = ts.isPropertyAccessExpression(e) ? this.mapStore(e.expression) : undefined;
    if (mapStore && (name === 'set' || name === 'delete')) {
      return { call, kind: name === 'set' ? 'write' : 'delete', store: mapStore, data: name === 'set' ? call.arguments.slice(1) : [], method: name };
    }
    // AWS SDK v3: `client.send(new PutCommand({ TableName, Item }))`
    const command = name === 'send' && first(call) && ts.isNewExpression(first(call)!) ? calleeName(first(call) as ts.NewExpression) : undefined;
    if (command && (WRITE_COMMANDS.has(command) || DELETE_COMMANDS.has(command))) {
      const deletes = DELETE_COMMANDS.has(command);
      return { call, kind: deletes ? 'delete' : 'write', store: this.identity(call, name), data: deletes ? [] : [...((first(call) as ts.NewExpression).arguments ?? [])], method: command };
    }
    if (DELETE_METHODS.has(name)) {
      if (!this.deletesFromStore(call, name)) return undefined;
      return { call, kind: 'delete', store: this.identity(call, name), data: [], method: name };
    }
    const prepared = this.preparedSql(call, name);
    if (prepared !== undefined) return this.sqlOp(call, name, prepared, call.arguments);
    // `query({ text: 'INSERT …', values: [...] })` (pg), `execute({ sql, values })`
    if (stores.isSqlMethod(name) && call.arguments[0] && this.model.values.objectLiteral(call.arguments[0])) {
      const config = call.arguments[0];
      const sql = (this.model.values.propertyString(config, 'text') ?? this.model.values.propertyString(config, 'sql'))?.text;
      const values = this.model.values.objectLiteral(config);
      const data = values ? [objectProperty(values, 'values') ?? objectProperty(values, 'params')].filter((x): x is ts.Expression => !!x) : [];
      if (sql !== undefined) return this.sqlOp(call, name, sql, data);
    }
    // `out.write(line)` on `fs.createWriteStream('leads.csv', { flags: 'a' })`
    if (name === 'write' && ts.isPropertyAccessExpression(e)) {
      const path = this.writeStreamPath(e.expression);
      if (path) return { call, kind: 'add', store: identityOf(path, `file ${path}`), data: call.arguments, method: name };
      return undefined;
    }
    // lowdb: `db.data.leads.push(lead)`
    if (name === 'push') return isDbReceiver(call, sf) ? { call, kind: 'add', store: this.identity(call, name), data: call.arguments, method: name } : undefined;
    if (stores.isSqlMethod(name)) return this.sqlOp(call, name, this.model.values.string(call.arguments[0])?.text ?? '', call.arguments.slice(1));
    const isStore = stores.isMethod(name) || (name === 'set' && isKeyValueStore(call, sf)) || (name === 'create' && isModelCreate(call, sf)) || (stores.isReceiverOnlyMethod(name) && isDbReceiver(call, sf));
    if (!isStore) return undefined;
    // `new Lead(data).save()` / `const lead = new Lead(data); lead.save()`: the data is in the constructor call
    const data = name === 'save' && call.arguments.length === 0 ? constructedArgs(this.model, call) : call.arguments;
    return { call, kind: ADD_METHODS.has(name) ? 'add' : 'write', store: this.identity(call, name), data, method: name };
  }

  /** `private readonly repo: Repository<Lead>` (a field or a constructor parameter property): the entity `Lead`. */
  private fieldEntity(access: ts.PropertyAccessExpression): string | undefined {
    const cls = classOf(access);
    if (!cls) return undefined;
    const name = access.name.text;
    let type: ts.TypeNode | undefined;
    for (const m of cls.members) {
      if (ts.isPropertyDeclaration(m) && m.name && propertyName(m.name) === name) type = m.type;
      if (ts.isConstructorDeclaration(m)) for (const p of m.parameters) if (ts.isIdentifier(p.name) && p.name.text === name && p.type) type = p.type;
    }
    if (!type || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName) || !TYPED_STORES.test(type.typeName.text)) return undefined;
    const arg = type.typeArguments?.[0];
    return arg && ts.isTypeReferenceNode(arg) && ts.isIdentifier(arg.typeName) ? arg.typeName.text.replace(/(Document|Doc|Entity|Attributes)$/, '') : undefined;
  }

  /** The SQL of `db.prepare(sql).run(…)` or of `stmt.run(…)` with `const stmt = db.prepare(sql)`. */
  private preparedSql(call: ts.CallExpression, name: string): string | undefined {
    if (name !== 'run' && name !== 'execute') return undefined;
    const e = call.expression;
    if (!ts.isPropertyAccessExpression(e)) return undefined;
    let receiver = unwrap(e.expression);
    if (ts.isIdentifier(receiver)) {
      const init = this.model.values.initializerOf(receiver.text);
      receiver = init ? unwrap(init) : receiver;
    }
    if (!ts.isCallExpression(receiver) || calleeName(receiver) !== 'prepare') return undefined;
    return this.model.values.string(receiver.arguments[0])?.text ?? '';
  }

  private sqlOp(call: ts.CallExpression, name: string, sql: string, data: readonly ts.Expression[]): StoreOp | undefined {
    const deletes = /^\s*delete\b/i.test(sql);
    if (!stores.isSqlWrite(sql) && !deletes) return undefined;
    const table = SQL_TABLE.exec(sql)?.[1];
    const store = table ? identityOf(table, `table ${table}`) : undefined;
    if (deletes) return { call, kind: 'delete', store, data: [], method: name };
    return { call, kind: /^\s*insert\b/i.test(sql) ? 'add' : 'write', store, data, method: name };
  }

  /** The file a write stream appends to: `createWriteStream('leads.csv')`, held in a variable or a field. */
  private writeStreamPath(receiver: ts.Expression): string | undefined {
    let r = unwrap(receiver);
    if (ts.isIdentifier(r)) {
      const init = this.model.values.initializerOf(r.text);
      if (init) r = unwrap(init);
    }
    return ts.isCallExpression(r) && calleeName(r) === 'createWriteStream' ? filePath(this.model, r.arguments[0]) : undefined;
  }

  /** `leads.delete(id)` on a Map kept by the module (or a class field): the Map is the store. */
  private mapStore(receiver: ts.Expression): StoreIdentity | undefined {
    const r = unwrap(receiver);
    let init: ts.Expression | undefined;
    let name: string | undefined;
    if (ts.isIdentifier(r)) {
      const d = this.model.tracker.declarationOf(r);
      if (!d || !ts.isVariableDeclaration(d) || !d.initializer || !ts.isSourceFile(d.parent.parent.parent)) return undefined;
      init = d.initializer;
      name = r.text;
    } else if (ts.isPropertyAccessExpression(r) && r.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const cls = classOf(r);
      const field = cls?.members.find((m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m) && !!m.name && propertyName(m.name) === r.name.text);
      init = field?.initializer;
      name = r.name.text;
    }
    const e = init ? unwrap(init) : undefined;
    return e && name && ts.isNewExpression(e) && ts.isIdentifier(e.expression) && e.expression.text === 'Map' ? identityOf(name, `map ${name}`) : undefined;
  }

  private deletesFromStore(call: ts.CallExpression, name: string): boolean {
    const sf = this.model.sourceFile;
    if (FILE_METHODS.test(name) && isFileReceiver(call)) return true;
    if (name === 'del' || name === 'hDel' || name === 'hdel' || name === 'unlink') return isKeyValueStore(call, sf) || isDbReceiver(call, sf);
    if (isDbReceiver(call, sf) || isKeyValueStore(call, sf)) return true;
    // `this.leads.delete(…)` on a field typed `Repository<Lead>`
    const receiver = ts.isPropertyAccessExpression(call.expression) ? unwrap(call.expression.expression) : undefined;
    if (receiver && ts.isPropertyAccessExpression(receiver) && receiver.expression.kind === ts.SyntaxKind.ThisKeyword && this.fieldEntity(receiver)) return true;
    // `lead.deleteOne()` on a row read from a model, `doc.ref.delete()` on a named collection
    return this.identity(call, name) !== undefined && name !== 'delete' && name !== 'remove';
  }

  /** The store a call names: SQL table, key prefix, file, DynamoDB TableName, collection/table call, model or field. */
  identity(call: ts.CallExpression, name: string): StoreIdentity | undefined {
    const values = this.model.values;
    const first = call.arguments[0];
    if (FILE_METHODS.test(name) && isFileReceiver(call)) {
      const path = filePath(this.model, first);
      return path ? identityOf(path, `file ${path}`) : undefined;
    }
    // DynamoDB: put({ TableName: 'Leads', Item }) / new PutCommand({ TableName })
    for (const a of [first, ...(first && ts.isNewExpression(unwrap(first)) ? [(unwrap(first) as ts.NewExpression).arguments?.[0]] : [])]) {
      for (const p of NAMING_PROPERTIES) {
        const t = a ? values.propertyString(a, p) : undefined;
        if (t?.exact) return identityOf(t.text, `table ${t.text}`);
      }
    }
    const e = call.expression;
    if (!ts.isPropertyAccessExpression(e)) return undefined;
    if (isKeyValueStore(call, this.model.sourceFile) || /^(h[A-Z]?\w*|setex|setEx|lpush|rpush|sadd|del|hdel|hDel|expire|pExpire|pexpire|expireAt|expireat)$/.test(name)) {
      const key = values.string(first)?.text;
      const prefix = key !== undefined ? keyPrefix(key) : undefined;
      if (prefix) return identityOf(prefix, `key ${prefix}${prefix === key ? '' : '…'}`);
    }
    // walk the receiver chain: `knex('leads').where(…).del()`, `db.collection('leads').doc(id).delete()`, `prisma.lead.create`
    let cur: ts.Expression = unwrap(e.expression);
    for (let i = 0; i < 12; i++) {
      if (ts.isCallExpression(cur)) {
        const n = calleeName(cur);
        const arg = cur.arguments[0];
        if (n && NAMING_CALLS.has(n) && arg) {
          const a = unwrap(arg);
          if (ts.isIdentifier(a) && /^[A-Z]/.test(a.text)) return identityOf(a.text, `model ${a.text}`); // getRepository(Lead)
          const t = values.string(arg)?.text;
          const table = t ? t.split('/').filter(Boolean)[0]?.split(HOLE)[0] : undefined;
          if (table) return identityOf(table, `${n === 'collection' || n === 'ref' ? 'collection' : 'table'} ${table}`);
        }
        // knex('leads') / db('leads') called directly
        if (ts.isIdentifier(unwrap(cur.expression)) && arg) {
          const t = values.string(arg)?.exact ? values.string(arg)!.text : undefined;
          if (t && /^[\w.]+$/.test(t)) return identityOf(t, `table ${t}`);
        }
        // the method a chain call makes (`where`, `doc`) names no store: go on from its receiver
        const callee = unwrap(cur.expression);
        cur = ts.isPropertyAccessExpression(callee) ? unwrap(callee.expression) : callee;
        continue;
      }
      if (ts.isPropertyAccessExpression(cur)) {
        const field = cur.name.text;
        const typed = cur.expression.kind === ts.SyntaxKind.ThisKeyword ? this.fieldEntity(cur) : undefined;
        if (typed) return identityOf(typed, `model ${typed}`);
        if (!GENERIC_RECEIVERS.test(field)) return identityOf(field, /^[A-Z]/.test(field) ? `model ${field}` : `store ${field}`);
        cur = unwrap(cur.expression);
        continue;
      }
      break;
    }
    if (ts.isIdentifier(cur)) {
      if (!GENERIC_RECEIVERS.test(cur.text) && /^[A-Z]/.test(cur.text)) return identityOf(cur.text, `model ${cur.text}`);
      // `lead.save()` of `new Lead(…)`, `row.deleteOne()` of `await Lead.findOne(…)`
      const init = this.model.values.initializerOf(cur.text);
      const made = init ? unwrap(init) : undefined;
      const inner = made && ts.isAwaitExpression(made) ? unwrap(made.expression) : made;
      if (inner && ts.isNewExpression(inner) && ts.isIdentifier(inner.expression) && /^[A-Z]/.test(inner.expression.text)) return identityOf(inner.expression.text, `model ${inner.expression.text}`);
      // `const leads = db.collection('leads')`: the variable is the collection
      if (inner && ts.isCallExpression(inner) && NAMING_CALLS.has(calleeName(inner) ?? '') && inner.arguments[0]) {
        const t = values.string(inner.arguments[0])?.text?.split(HOLE)[0];
        if (t) return identityOf(t, `collection ${t}`);
      }
      if (inner && ts.isCallExpression(inner) && ts.isPropertyAccessExpression(inner.expression)) {
        const root = accessChain(inner.expression.expression);
        const model = root?.[root.length - 1];
        if (model && /^[A-Z]/.test(model) && !GENERIC_RECEIVERS.test(model)) return identityOf(model, `model ${model}`);
      }
      if (!GENERIC_RECEIVERS.test(cur.text) && /(s|Store|Cache|Collection|Table|Model|Repo|Repository)$/.test(cur.text)) return identityOf(cur.text, `store ${cur.text}`);
    }
    return undefined;
  }
}

function first(call: ts.CallExpression): ts.Expression | undefined {
  return call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
}

/** Type names of a store field's declared type that carry the entity (`Repository<Lead>`, `Model<LeadDocument>`). */
const TYPED_STORES = /^(Repository|Model|Collection|ModelStatic|ModelCtor|EntityRepository|MongoRepository|TreeRepository)$/;

/** `Lead`, `leads`, `leadModel`, `LeadRepository`, `prisma.lead` → `lead`; `lead:` key prefixes and file paths stay as they are. */
export function identityOf(raw: string, label: string): StoreIdentity {
  if (/[:/]/.test(raw) || raw.includes('.json') || raw.includes('.csv') || raw.includes('.txt') || raw.includes('.log')) return { key: raw.toLowerCase(), label };
  const last = raw.split('.').pop() ?? raw;
  let key = last.replace(/[^A-Za-z0-9]/g, '').toLowerCase();
  key = key.replace(/(model|repo|repository|collection|table|store|schema|entity|entities|cache|map)$/, '') || key;
  key = key.replace(/ies$/, 'y').replace(/s$/, '');
  return { key, label };
}

/** `lead:${id}` → `lead:`; `sessions` → `sessions`; a key that starts with a hole names nothing. */
function keyPrefix(key: string): string | undefined {
  const hole = key.indexOf(HOLE);
  const fixed = hole < 0 ? key : key.slice(0, hole);
  if (!fixed) return undefined;
  if (hole < 0) {
    // `lead:42` written whole: the prefix before the id is the store
    const sep = fixed.search(/[:/]/);
    return sep > 0 ? fixed.slice(0, sep + 1) : fixed;
  }
  const sep = fixed.search(/[:/]/);
  return sep > 0 ? fixed.slice(0, sep + 1) : fixed;
}

/** The file a write names: its static path, or the last literal of `path.join(dir, 'leads.json')`. */
function filePath(model: FileModel, arg: ts.Expression | undefined): string | undefined {
  if (!arg) return undefined;
  const e = unwrap(arg);
  const s = model.values.string(e);
  let text = s?.text;
  if ((!text || text.startsWith(HOLE)) && ts.isCallExpression(e) && e.arguments.length) text = model.values.string(e.arguments[e.arguments.length - 1])?.text;
  if (!text) return undefined;
  const base = text.split(/[\\/]/).pop() ?? text;
  const named = base.split(HOLE).filter(Boolean);
  // `inbound-${date}.jsonl`: the fixed parts name the file series
  return named.length ? named.join('*') : undefined;
}

function isFileReceiver(call: ts.CallExpression): boolean {
  const e = unwrap(call.expression);
  if (ts.isIdentifier(e)) return !/^remove/.test(e.text); // writeFileSync(…) imported by name
  if (!ts.isPropertyAccessExpression(e)) return false;
  const chain = accessChain(e.expression);
  return !!chain && /^(fs|fsp|fse|fsExtra|promises|jsonfile)$/i.test(chain[chain.length - 1]!);
}

function classOf(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let cur = node.parent; cur; cur = cur.parent) if (ts.isClassLike(cur)) return cur;
  return undefined;
}


export function isKeyValueStore(call: ts.CallExpression, sf: ts.SourceFile): boolean {
  const e = call.expression;
  if (!ts.isPropertyAccessExpression(e)) return false;
  const target = e.expression.getText(sf);
  return stores.isKeyValueReceiver(target) && !/^(this\.)?(map|headers|searchParams|params|url)$/i.test(target);
}

export function isModelCreate(call: ts.CallExpression, sf: ts.SourceFile): boolean {
  const e = call.expression;
  if (!ts.isPropertyAccessExpression(e)) return false;
  const target = unwrap(e.expression);
  // Mongoose/Sequelize/Prisma style: Contact.create(…), prisma.lead.create(…), db.collection('x')…
  return (ts.isIdentifier(target) && /^[A-Z]/.test(target.text)) || (ts.isPropertyAccessExpression(target) && (/prisma|db|model/i.test(target.expression.getText(sf)) || /^[A-Z]|Model$|Repo(sitory)?$/.test(target.name.text)));
}

/** `knex('t').where(…).update(…)`, `Contact.update(…)`, `db.collection('leads').add(…)`, `prisma.lead.update(…)`. */
export function isDbReceiver(call: ts.CallExpression, sf: ts.SourceFile): boolean {
  const e = call.expression;
  if (!ts.isPropertyAccessExpression(e)) return false;
  if (isModelCreate(call, sf)) return true;
  let cur: ts.Expression = unwrap(e.expression);
  for (let i = 0; i < 12; i++) {
    if (ts.isCallExpression(cur) || ts.isPropertyAccessExpression(cur)) cur = unwrap(cur.expression);
    else break;
  }
  return ts.isIdentifier(cur) && /^(knex|db|database|trx|prisma|sequelize|firestore|models?|\w*(Repository|Repo|Model|Collection|Table))$/i.test(cur.text);
}

function constructedArgs(model: FileModel, call: ts.CallExpression): readonly ts.Expression[] {
  const e = call.expression;
  if (!ts.isPropertyAccessExpression(e)) return [];
  let target = unwrap(e.expression);
  if (ts.isIdentifier(target)) target = model.values.initializerOf(target.text) ?? target;
  target = unwrap(target);
  return ts.isNewExpression(target) ? (target.arguments ?? []) : [];
}
