const express = require('express');
const ChipChat = require('chipchat');

const app = express();
const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.WEBHOOK_SECRET });

bot.module(require('./modules/webhook'), { app });
bot.module(require('./modules/greeting'));

app.listen(process.env.PORT || 3000);
