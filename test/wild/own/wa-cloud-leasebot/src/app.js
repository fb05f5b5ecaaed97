const express = require('express');
const config = require('./config');

const app = express();
app.use('/web1on1', require('./routes/agentReplies'));
app.use(express.json());
app.use('/whatsapp', require('./routes/whatsapp'));
app.get('/healthz', (req, res) => res.json({ ok: true }));

app.listen(config.port, () => console.log(`leasebot on :${config.port}`));
