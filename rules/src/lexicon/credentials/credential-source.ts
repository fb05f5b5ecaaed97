// Expressions that evaluate to a live credential: secret environment variables and the chipchat SDK's
// auth state. Shared by the B.2 rules that follow credentials into URLs and logs.
import { ts } from '../../ts';
import type { FileModel } from '../../model/file-model';
import { accessChain, calleeName, unwrap } from '../../model/syntax';
import { envVarName } from '../../model/values';

const SECRET_ENV_PARTS = new Set(['TOKEN', 'SECRET', 'PASSWORD', 'PASSWD', 'PWD', 'PASS', 'KEY', 'APIKEY', 'CREDENTIALS', 'PASSPHRASE']);
const NOT_SECRET_ENV_LAST = new Set(['ID', 'NAME', 'URL', 'URI', 'PATH', 'FILE', 'HOST', 'TYPE', 'LENGTH', 'HEADER', 'FIELD', 'EXPIRY', 'EXPIRES', 'TTL', 'ENABLED', 'PREFIX', 'VERSION']);
const DATASTORE_ENV_PARTS = ['DATABASE', 'DB', 'MONGO', 'REDIS', 'POSTGRES', 'PG', 'MYSQL', 'MARIADB', 'AMQP', 'CLOUDAMQP', 'RABBITMQ', 'MQTT', 'ELASTICSEARCH', 'MEMCACHE', 'CACHE'];
/** Calls that hand their argument through unchanged (masking helpers are not among them). */
const TRANSPARENT_CALLS = new Set(['encodeURIComponent', 'encodeURI', 'escape', 'String', 'stringify', 'inspect', 'toString', 'trim', 'from']);

/** `TOKEN`, `WEBHOOK_SECRET`, `STRIPE_API_KEY`, `DB_PASSWORD` — not `TOKEN_URL`, `AWS_ACCESS_KEY_ID`, `PUBLIC_KEY`. */
export function isSecretEnvName(name: string): boolean {
  const parts = name.toUpperCase().split(/_+/).filter(Boolean);
  const last = parts[parts.length - 1];
  if (isConnectionStringEnvName(parts)) return true;
  if (!last || NOT_SECRET_ENV_LAST.has(last) || parts.includes('PUBLIC')) return false;
  return parts.some((p) => SECRET_ENV_PARTS.has(p) || p.endsWith('TOKEN') || p.endsWith('SECRET') || p.endsWith('PASSWORD'));
}

/**
 * `DATABASE_URL`, `REDIS_URL`, `MONGODB_URI`, `CLOUDAMQP_URL`, `PG_CONNECTION_STRING`: a datastore or broker's
 * connection string, which carries its password in the user-info (as hosting platforms hand them out).
 */
function isConnectionStringEnvName(parts: string[]): boolean {
  const last = parts[parts.length - 1];
  const connection = last === 'URL' || last === 'URI' || last === 'DSN' || (last === 'STRING' && parts[parts.length - 2] === 'CONNECTION');
  return connection && parts.some((p) => DATASTORE_ENV_PARTS.some((d) => p.startsWith(d)));
}

/** An SDK instance by binding, or by the names apps give it (`bot`, `this.bot`, `ctx.bot`). */
function isSdkObject(model: FileModel, node: ts.Expression): boolean {
  if (model.sdk.isInstance(node)) return true;
  const chain = accessChain(node);
  const last = chain?.[chain.length - 1];
  return last === 'bot' || last === 'chipchat';
}

/**
 * Describes the credential an expression yields (`process.env.TOKEN`, `bot.auth`, `bot.auth.refreshToken`),
 * following constants of the file and encoding calls; undefined when it is not one.
 */
export function credentialSource(model: FileModel, node: ts.Expression, depth = 0): string | undefined {
  if (depth > 6) return undefined;
  const e = unwrap(node);
  if (ts.isCallExpression(e)) {
    const name = calleeName(e);
    if (name && TRANSPARENT_CALLS.has(name)) {
      if (e.arguments[0]) return credentialSource(model, e.arguments[0], depth + 1);
      if (ts.isPropertyAccessExpression(e.expression)) return credentialSource(model, e.expression.expression, depth + 1);
    }
    return undefined;
  }
  const env = envVarName(e);
  if (env) return isSecretEnvName(env) ? `process.env.${env}` : undefined;
  // `process.env.REDIS_URL || 'redis://localhost:6379'`: what the app runs with is the env var
  if (ts.isBinaryExpression(e) && (e.operatorToken.kind === ts.SyntaxKind.BarBarToken || e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) return credentialSource(model, e.left, depth + 1);
  if (ts.isIdentifier(e)) {
    const init = model.values.initializerOf(e.text);
    return init ? credentialSource(model, init, depth + 1) : undefined;
  }
  if (ts.isPropertyAccessExpression(e)) {
    const name = e.name.text;
    const obj = e.expression;
    // bot.auth holds token and refreshToken; bot.auth.user / .email are ids
    if (name === 'auth' && isSdkObject(model, obj)) return `${obj.getText(model.sourceFile)}.auth`;
    if ((name === 'token' || name === 'refreshToken') && ts.isPropertyAccessExpression(obj) && obj.name.text === 'auth' && isSdkObject(model, obj.expression)) return e.getText(model.sourceFile);
    if ((name === 'token' || name === 'secret') && isSdkObject(model, obj)) return e.getText(model.sourceFile);
  }
  return undefined;
}
