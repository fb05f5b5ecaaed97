import express from 'express';
import twilio from 'twilio';
import { createClient } from 'redis';
import { openConversation, postContactMessage } from './w1';
import { verifyW1Signature } from './signature';

const app = express();
const redis = createClient({ url: process.env.REDIS_URL });
const sms = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
const FROM = process.env.TWILIO_WHATSAPP_FROM ?? 'whatsapp:+3197010250000';

app.use(express.urlencoded({ extended: false }));
app.use(express.json({ verify: (req: any, _res, buf) => { req.rawBody = buf; } }));

app.post('/twilio/whatsapp', async (req, res) => {
  const { From, Body, ProfileName } = req.body;
  console.log(`[wa in] ${ProfileName} ${From}: ${Body}`);
  const phone = String(From).replace(/^whatsapp:/, '');
  await redis.hSet(`wa:${phone}`, { name: ProfileName ?? '', lastMessage: Body ?? '', seen: Date.now() });
  let conversation = await redis.get(`conv:${phone}`);
  if (!conversation) {
    conversation = await openConversation(process.env.W1_CHANNEL!, ProfileName ?? phone, phone);
    await redis.set(`conv:${phone}`, conversation);
    await redis.set(`phone:${conversation}`, phone);
  }
  await postContactMessage(conversation, Body);
  res.type('text/xml').send('<Response></Response>');
});

app.post('/web1on1/events', verifyW1Signature, async (req, res) => {
  const message = req.body?.data?.message;
  if (!message || message.role !== 'agent' || message.type !== 'chat') return res.sendStatus(204);
  const phone = await redis.get(`phone:${message.conversation}`);
  if (!phone) return res.sendStatus(404);
  await sms.messages.create({ from: FROM, to: `whatsapp:${phone}`, body: message.text });
  res.sendStatus(200);
});

app.get('/contacts/:phone', async (req, res) => {
  const profile = await redis.hGetAll(`wa:${req.params.phone}`);
  res.json({ phone: req.params.phone, ...profile });
});

redis.connect().then(() => app.listen(Number(process.env.PORT ?? 8080)));
