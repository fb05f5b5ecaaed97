// A serverless Twilio status callback: a form-encoded body parsed with URLSearchParams, no X-Twilio-Signature check.
import twilio from 'twilio';

// ruleid: webhook-unverified messageId=platformRoute col=1
export async function handler(event: { body?: string }) {
  const params = Object.fromEntries(new URLSearchParams(event.body ?? ''));
  if (params.MessageStatus === 'failed') console.log('undelivered', params.MessageSid);
  return { statusCode: 204 };
}

// a function that only reads query strings of the app's own links is no receiver
// ok: webhook-unverified
export async function unsubscribe(event: { rawQueryString?: string }) {
  const params = new URLSearchParams(event.rawQueryString ?? '');
  return { statusCode: params.get('id') ? 200 : 400 };
}

void twilio;
