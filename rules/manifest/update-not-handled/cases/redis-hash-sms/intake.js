// An SMS intake that keeps each sender in a Redis hash: the hash is a store of people's phone numbers and texts.
const express = require('express');
const { createClient } = require('redis');

const app = express();
const redis = createClient({ url: process.env.REDIS_URL });
app.use(express.urlencoded({ extended: false }));

app.post('/sms', async (req, res) => {
  const { From, Body, MessageSid } = req.body;
  // ruleid: update-not-handled
  await redis.hSet(`sms:${MessageSid}`, { from: From, body: Body, at: Date.now() });
  // ok: update-not-handled
  await redis.hSet('sms:stats', 'last', MessageSid);
  // ok: update-not-handled
  await redis.hmset('sms:counters', { received: Number(req.body.NumSegments) });
  res.sendStatus(204);
});

app.listen(3000);
