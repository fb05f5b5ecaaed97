// Loggers that credential-logged did not know before the shared vocabulary (rules/data/sinks.json):
// syslog levels (crit, alert, emerg), log4js/npmlog/tslog receivers, LOG and _logger names.
const log4js = require('log4js');

const LOG = log4js.getLogger('auth');
const _logger = require('pino')();

function onTokenRefresh(appLogger, npmlog) {
  // ruleid: credential-logged messageId=logged col=3
  appLogger.crit('refresh failed for', process.env.CHIPCHAT_SECRET);
  // ruleid: credential-logged messageId=logged col=3
  LOG.emerg('token', process.env.CHIPCHAT_TOKEN);
  // ruleid: credential-logged messageId=logged col=3
  _logger.alert({ secret: process.env.WEBHOOK_SECRET });
  // ruleid: credential-logged messageId=logged col=3
  npmlog.http('auth', process.env.CHIPCHAT_TOKEN);
  // ok: credential-logged
  LOG.emerg('token refresh failed');
  // a level method called through a computed name is not followed yet
  // todoruleid: credential-logged
  LOG['error'](process.env.CHIPCHAT_TOKEN);
  // `http` is a level only on a logger: an HTTP client called http is not a log
  const http = { http: (url, body) => body };
  // ok: credential-logged
  http.http('https://example.org', process.env.CHIPCHAT_TOKEN);
}

module.exports = { onTokenRefresh };
