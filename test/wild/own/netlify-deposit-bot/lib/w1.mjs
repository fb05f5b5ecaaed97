import got from 'got';

export const w1 = got.extend({
  prefixUrl: 'https://api.web1on1.chat/v2',
  headers: { authorization: `Bearer ${process.env.W1_TOKEN}` },
  responseType: 'json',
  resolveBodyOnly: true,
});

export const reply = (conversation, text) => w1.post('messages', { json: { conversation, text, role: 'agent' } });
