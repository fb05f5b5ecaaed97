import express from 'express';
import ChipChat from 'chipchat';
import guard from './security/guard.mjs';

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.WEBHOOK_SECRET });
const app = express();
app.use(express.raw({ type: 'application/json' }));

// ok: webhook-unverified
app.use('/bot', guard(process.env.WEBHOOK_SECRET), bot.router());

app.listen(process.env.PORT || 3000);
