// The same platform's inbound messages, with the signature checked.
import twilio from 'twilio';

// ok: webhook-unverified
export async function handler(event: { body?: string; headers: Record<string, string> }) {
  const params = Object.fromEntries(new URLSearchParams(event.body ?? ''));
  const valid = twilio.validateRequest(process.env.TWILIO_AUTH_TOKEN ?? '', event.headers['x-twilio-signature'] ?? '', process.env.INBOUND_URL ?? '', params);
  if (!valid) return { statusCode: 403 };
  console.log(params.MessageSid);
  return { statusCode: 200 };
}
