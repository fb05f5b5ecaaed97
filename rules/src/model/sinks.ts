import sinks from '../../data/sinks.json';

/**
 * Where code puts data: loggers, stores and outbound sends, from rules/data/sinks.json. Every rule that asks
 * "is this a log / a store / a send" asks here, so adding a logger or a store method is one edit to the data.
 */
const LOGGER_MODULES: ReadonlySet<string> = new Set(sinks.loggers.modules);
const LOGGER_FACTORIES: ReadonlySet<string> = new Set(sinks.loggers.factories);
const CONSOLE_METHODS: ReadonlySet<string> = new Set(sinks.loggers.consoleMethods);
const LEVEL_METHODS: ReadonlySet<string> = new Set(sinks.loggers.levelMethods);
const RECEIVER_NAMES: ReadonlySet<string> = new Set(sinks.loggers.receiverNames.map((n) => n.toLowerCase()));
const STORE_METHODS: ReadonlySet<string> = new Set(sinks.stores.methods);
const RECEIVER_ONLY_STORE_METHODS: ReadonlySet<string> = new Set(sinks.stores.receiverOnlyMethods);
const SQL_METHODS: ReadonlySet<string> = new Set(sinks.stores.sqlMethods);
const KEY_VALUE_WORDS: readonly string[] = sinks.stores.keyValueReceiverWords;
const SDK_SEND_METHODS: ReadonlySet<string> = new Set(sinks.sends.botMethods);
const CONTEXT_SEND_METHODS: ReadonlySet<string> = new Set(sinks.sends.contextMethods);

/** The `debug` package: its instances print only when DEBUG enables their namespace. */
export const DEBUG_MODULE: string = sinks.loggers.debugModule;

export const loggers = {
  /** A logging library (`winston`, `pino` …) whose instances print what they get. */
  isModule: (spec: string): boolean => LOGGER_MODULES.has(spec),
  /** `createLogger`, `getLogger`, `child` …: a call on a logger module or logger that makes another logger. */
  isFactory: (name: string): boolean => LOGGER_FACTORIES.has(name),
  isConsoleMethod: (name: string): boolean => CONSOLE_METHODS.has(name),
  /** A level method of some logging library (`info`, `crit`, `http` …). */
  isLevelMethod: (name: string): boolean => LEVEL_METHODS.has(name),
  /** Either: the cheap first test before looking at a call's receiver. */
  isLoggingMethod: (name: string): boolean => LEVEL_METHODS.has(name) || CONSOLE_METHODS.has(name),
  /** A function called directly as a logger: `log(x)`, `logger(x)`, `LOG(x)`. */
  isFunctionName: (name: string): boolean => RECEIVER_NAMES.has(name.replace(/^_/, '').toLowerCase()),
  /** A receiver named like a logger: `logger`, `_log`, `LOG`, `appLogger`, `winston`, `pino` … */
  isReceiverName: (name: string): boolean =>
    RECEIVER_NAMES.has(name.replace(/^_/, '').toLowerCase()) || name.endsWith(sinks.loggers.receiverSuffix) || LOGGER_MODULES.has(name),
};

export const stores = {
  /** Methods that store whatever they are called on (`insertOne`, `writeFile`, `hset` …). */
  isMethod: (name: string): boolean => STORE_METHODS.has(name),
  /** `update`/`add`: stores only on a database-looking receiver (`hash.update()`, `set.add()` do not). */
  isReceiverOnlyMethod: (name: string): boolean => RECEIVER_ONLY_STORE_METHODS.has(name),
  /** `query`/`execute`/`run`: stores only with a writing SQL statement (see isSqlWrite). */
  isSqlMethod: (name: string): boolean => SQL_METHODS.has(name),
  isSqlWrite: (sql: string): boolean => /^\s*(insert|update|replace)\b/i.test(sql),
  /** A receiver of `set()` that is a key-value store (`redis`, `cache`, `sessionStore` …). */
  isKeyValueReceiver: (text: string): boolean => {
    const lower = text.toLowerCase();
    return KEY_VALUE_WORDS.some((w) => lower.includes(w));
  },
  /** Methods that append a new record rather than set or overwrite one. */
  addMethods: (): readonly string[] => sinks.stores.addMethods,
  /** Methods that delete from a store (on a store-looking receiver). */
  deleteMethods: (): readonly string[] => sinks.stores.deleteMethods,
  /** Calls in a receiver chain whose first argument names the table or collection. */
  namingCalls: (): readonly string[] => sinks.stores.namingCalls,
  /** Option properties that name the table (`TableName`). */
  namingProperties: (): readonly string[] => sinks.stores.namingProperties,
  /** AWS SDK v3 commands a client's send() runs that write or delete. */
  writeCommands: (): readonly string[] => sinks.stores.writeCommands,
  deleteCommands: (): readonly string[] => sinks.stores.deleteCommands,
  /** Every method name that can be a store, for callers that index calls by name first. */
  methodNames: (): string[] => [...STORE_METHODS, ...RECEIVER_ONLY_STORE_METHODS, ...SQL_METHODS, 'set'],
};

export const sends = {
  /** `bot.send(conversation, message)` / `bot.sendMessage(…)`: the message is the second argument. */
  isSdkMethod: (name: string): boolean => SDK_SEND_METHODS.has(name),
  /** `ctx.say(message)` / `ctx.ask(question)` in a handler: the message is the first argument. */
  isContextMethod: (name: string): boolean => CONTEXT_SEND_METHODS.has(name),
};

const HARMLESS_FUNCTIONS: ReadonlySet<string> = new Set(sinks.notEscapes.functions);
const HARMLESS_METHODS: ReadonlySet<string> = new Set(sinks.notEscapes.methods);
const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(sinks.notEscapes.globals);

/** Calls that only read an SDK instance or API client handed to them: no scope evidence is lost there. */
export const notEscapes = {
  /** `JSON.stringify`, `assert.ok`, `String` …: by the callee's name or dotted path. */
  isFunction: (path: string): boolean => HARMLESS_FUNCTIONS.has(path),
  /** `bind`, `then` …: on any receiver. */
  isMethod: (name: string): boolean => HARMLESS_METHODS.has(name),
  /** `global`, `globalThis`, `process` …: an instance stored on one of them can be read by any code. */
  isGlobalObject: (name: string): boolean => GLOBAL_OBJECTS.has(name),
};
