const express = require('express');
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.WEBHOOK_SECRET });
const app = express();

app.get('/health', (req, res) => res.json({ ok: true }));

// ruleid: webhook-unverified messageId=sdkServer col=1
bot.router('/web1on1', app);

bot.on('message.create.contact.chat', (message, conversation) => {
  conversation.say({ text: 'Which model are you interested in?', role: 'agent' });
});

app.listen(process.env.PORT || 8080);
