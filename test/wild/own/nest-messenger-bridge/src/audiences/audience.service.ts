import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { GRAPH } from '../messenger/graph';

const sha256 = (v: string) => createHash('sha256').update(v.trim().toLowerCase()).digest('hex');

// Everyone who chats with the dealer is added to the dealer's Facebook retargeting audience.
@Injectable()
export class AudienceService {
  async addToRetargeting(profile: { firstName: string; lastName?: string; email?: string }) {
    const audience = process.env.FB_AUDIENCE_ID;
    const payload = {
      schema: ['EMAIL', 'FN', 'LN'],
      data: [[sha256(profile.email ?? ''), sha256(profile.firstName), sha256(profile.lastName ?? '')]],
    };
    await fetch(`${GRAPH}/${audience}/users?access_token=${process.env.ADS_TOKEN}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ payload }),
    });
  }
}
