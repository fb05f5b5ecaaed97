const express = require('express');
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.WEBHOOK_SECRET });
const app = express();

// ruleid: webhook-unverified messageId=sdkServer col=27
app.use('/hooks/web1on1', bot.router());

const admin = express.Router();
// ruleid: webhook-unverified messageId=sdkServer col=16
const routes = bot.router({ pathPrefix: 'events', async: true });
admin.use(routes);
app.use('/admin', admin);

app.listen(3000);
