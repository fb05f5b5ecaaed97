import { w1, reply } from '../../lib/w1.mjs';
import { paymentStatus } from '../../lib/payments.mjs';

export default async (req) => {
  const form = new URLSearchParams(await req.text());
  const id = form.get('id');
  if (!id) return new Response('missing id', { status: 400 });

  const { paid, conversationId } = await paymentStatus(id);
  if (paid) {
    await w1.patch(`conversations/${conversationId}`, { json: { meta: { depositPaid: true } } });
    await reply(conversationId, 'Bedankt! Uw aanbetaling is ontvangen en de auto is voor u gereserveerd.');
  }
  return new Response('ok');
};
