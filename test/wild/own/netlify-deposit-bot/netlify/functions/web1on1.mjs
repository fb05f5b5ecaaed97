import { createHmac, timingSafeEqual } from 'node:crypto';
import { w1, reply } from '../../lib/w1.mjs';
import { depositLink } from '../../lib/payments.mjs';

const DEPOSIT = 250;

function signed(body, header) {
  const expected = Buffer.from('sha1=' + createHmac('sha1', process.env.W1_WEBHOOK_SECRET).update(body).digest('hex'));
  const given = Buffer.from(header || '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export default async (req) => {
  const body = await req.text();
  if (!signed(body, req.headers.get('x-hub-signature'))) return new Response('forbidden', { status: 403 });

  const { event, data } = JSON.parse(body);
  if (event !== 'message.create.contact.chat') return new Response('ignored');

  const { message } = data;
  if (!/reserveren|aanbetal|reserve/i.test(message.text || '')) return new Response('ok');

  const conversation = await w1.get(`conversations/${message.conversation}`);
  if (conversation.meta?.depositPaid) {
    await reply(conversation.id, 'Uw aanbetaling is al binnen, de auto staat voor u gereserveerd.');
    return new Response('ok');
  }
  const link = await depositLink(conversation.id, DEPOSIT);
  await reply(conversation.id, `U kunt de auto reserveren met een aanbetaling van €${DEPOSIT}: ${link}`);
  await w1.patch(`conversations/${conversation.id}`, { json: { meta: { depositRequested: new Date().toISOString() } } });
  return new Response('ok');
};
