import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import twilio from 'twilio';
import { w1 } from '../lib/w1';
import { findLead, saveLead } from '../lib/leads';
import { pushLead } from '../lib/crm';
import { withRetry } from '../lib/retry';
import { sendSms, texts } from '../lib/sms';

const twiml = (xml = '') => ({ statusCode: 200, headers: { 'Content-Type': 'text/xml' }, body: `<Response>${xml}</Response>` });

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  const params = Object.fromEntries(new URLSearchParams(event.body ?? ''));
  const valid = twilio.validateRequest(
    process.env.TWILIO_AUTH_TOKEN!,
    event.headers['x-twilio-signature'] ?? '',
    `${process.env.PUBLIC_URL}/twilio/inbound`,
    params,
  );
  if (!valid) return { statusCode: 403, body: 'forbidden' };

  console.log('inbound sms', JSON.stringify(params));
  const phone = params.From;
  const text = params.Body;

  let lead = await findLead(phone);
  if (!lead) {
    const { data: found } = await w1.get('/contacts', { params: { telephone: phone } });
    const contact = found.length ? found[0] : (await w1.post('/contacts', { telephone: phone, name: phone })).data;
    const { data: conversation } = await withRetry(() => w1.post('/conversations', { contact: contact.id, channel: 'sms' }));
    lead = { phone, contactId: contact.id, conversationId: conversation.id, firstMessage: text, receivedAt: new Date().toISOString() };
    await saveLead(lead);
    await pushLead(phone, text);
    await sendSms(phone, texts.received);
  }

  await withRetry(() => w1.post(`/conversations/${lead!.conversationId}/messages`, { type: 'chat', role: 'contact', text }));
  if (/reserveer|reserve|kopen/i.test(text)) await sendSms(phone, texts.reserve);
  return twiml();
}
