import { Injectable, Logger } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { APP_SECRET, GRAPH } from './graph';

@Injectable()
export class MessengerService {
  private readonly log = new Logger(MessengerService.name);

  verifySignature(rawBody: Buffer, header: string | undefined): boolean {
    if (!header) return false;
    const expected = 'sha256=' + createHmac('sha256', APP_SECRET).update(rawBody).digest('hex');
    return header.length === expected.length && timingSafeEqual(Buffer.from(header), Buffer.from(expected));
  }

  async profile(psid: string): Promise<{ first_name: string; last_name?: string; email?: string }> {
    const url = `${GRAPH}/${psid}?fields=first_name,last_name,email&access_token=${process.env.PAGE_TOKEN}`;
    const res = await fetch(url);
    return res.json();
  }

  async send(psid: string, text: string, tag?: string) {
    const body: Record<string, unknown> = { recipient: { id: psid }, message: { text } };
    if (tag) Object.assign(body, { messaging_type: 'MESSAGE_TAG', tag });
    const res = await fetch(`${GRAPH}/me/messages?access_token=${process.env.PAGE_TOKEN}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!res.ok) this.log.warn(`send to ${psid} failed: ${res.status}`);
  }
}
