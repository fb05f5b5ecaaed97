const { Queue } = require('bullmq');
const { redis } = require('./clients');
const config = require('./config');

const queue = new Queue('w1-sync', { connection: redis });

async function main() {
  await queue.add('sync-conversations', {}, { repeat: { every: config.syncEveryMs }, removeOnComplete: 50 });
  console.log(`sync scheduled every ${config.syncEveryMs} ms`);
}

main().catch((err) => {
  console.error('could not schedule the sync', err.message);
  process.exit(1);
});
