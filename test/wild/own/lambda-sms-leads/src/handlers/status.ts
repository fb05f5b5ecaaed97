import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { findLead } from '../lib/leads';
import { w1 } from '../lib/w1';

// Twilio delivery receipts: note failed deliveries in the conversation so the dealer can call instead.
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> {
  const params = Object.fromEntries(new URLSearchParams(event.body ?? ''));
  if (params.MessageStatus !== 'failed' && params.MessageStatus !== 'undelivered') return { statusCode: 204 };
  const lead = await findLead(params.To);
  if (lead) {
    await w1.post(`/conversations/${lead.conversationId}/messages`, {
      type: 'chat',
      role: 'bot',
      text: `SMS naar de klant kon niet worden afgeleverd (${params.ErrorCode}). Bel de klant terug.`,
    });
  }
  return { statusCode: 204 };
}
