// Next.js (app router): the POST export of a route file, reading the body with request.json().
import { hubSignatureValid } from '../../../../src/security';

// ruleid: webhook-unverified messageId=route col=1
export async function POST(request: Request) {
  const payload = await request.json();
  if (payload.event === 'message.create.contact.chat') console.log(payload.data.message.id);
  return new Response(null, { status: 204 });
}

// the same route verified over the raw text before it is parsed
// ok: webhook-unverified
export async function PUT(request: Request) {
  const raw = await request.text();
  if (!hubSignatureValid(raw, request.headers.get('x-hub-signature'), process.env.WEBHOOK_SECRET)) return new Response(null, { status: 401 });
  const payload = JSON.parse(raw);
  if (payload.event === 'message.create.contact.chat') console.log(payload.data.message.id);
  return new Response(null, { status: 204 });
}
