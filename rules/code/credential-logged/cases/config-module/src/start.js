const pino = require('pino')();
const config = require('./config');

// ruleid: credential-logged messageId=logged
pino.info({ config }, 'starting');
// ruleid: credential-logged messageId=logged
pino.info(config.web1on1, 'web1on1 settings');
// ok: credential-logged
pino.info(config.server, 'listening');

const { server } = require('./config');
// a member of the exports object that holds no credential, taken out by name
// ok: credential-logged
pino.info(server, 'server settings');
