// Another bot framework's webhook router, mounted behind a body-parser verify hook.
const express = require('express');
const bodyParser = require('body-parser');
const Botly = require('botly');

const botly = new Botly({ accessToken: process.env.PAGE_TOKEN, verifyToken: process.env.VERIFY_TOKEN });
const app = express();

// a no-op unless APP_SECRET is set: without it every forged delivery is handled
let verify = () => {};
if (process.env.APP_SECRET) {
  verify = botly.getVerifySignature(process.env.APP_SECRET);
}
app.use(bodyParser.json({ verify }));
// ruleid: webhook-unverified messageId=botMount col=1
app.use('/fb', botly.router());

const strict = express();
strict.use(bodyParser.json({ verify: botly.getVerifySignature(process.env.APP_SECRET) }));
// ok: webhook-unverified
strict.use('/fb', botly.router());

app.listen(3000);
strict.listen(3001);
