const express = require('express');
const cron = require('node-cron');
const log = require('./log');
const { fullSync, prune } = require('./sync');
const { fetchAgentStats } = require('./internal/agentStats');

const app = express();
app.use(express.json({ verify: (req, res, buf) => { req.rawBody = buf; } }));
app.use('/hooks', require('./routes/hooks'));

app.get('/stats', async (req, res) => {
  res.json(await fetchAgentStats(process.env.W1_ORG));
});

cron.schedule('* * * * *', () => fullSync().catch((err) => log.error('sync failed', { err: err.message })));
cron.schedule('0 3 * * *', () => prune().catch((err) => log.error('prune failed', { err: err.message })));

app.listen(process.env.PORT || 3000, () => log.info('crm sync up'));
