import { Controller, Get, HttpCode, Post, Query, Req, UnauthorizedException } from '@nestjs/common';
import type { RawBodyRequest } from '@nestjs/common';
import type { Request } from 'express';
import { MessengerService } from './messenger.service';
import { Web1on1Service } from '../web1on1/web1on1.service';
import { ProfilesService } from '../profiles/profiles.service';
import { AudienceService } from '../audiences/audience.service';

@Controller('messenger')
export class MessengerController {
  constructor(
    private readonly messenger: MessengerService,
    private readonly w1: Web1on1Service,
    private readonly profiles: ProfilesService,
    private readonly audiences: AudienceService,
  ) {}

  @Get('webhook')
  verify(@Query('hub.verify_token') token: string, @Query('hub.challenge') challenge: string) {
    if (token !== process.env.MESSENGER_VERIFY_TOKEN) throw new UnauthorizedException();
    return challenge;
  }

  @Post('webhook')
  @HttpCode(200)
  async receive(@Req() req: RawBodyRequest<Request>) {
    if (!this.messenger.verifySignature(req.rawBody!, req.header('x-hub-signature-256'))) throw new UnauthorizedException();
    for (const entry of req.body.entry ?? []) {
      for (const event of entry.messaging ?? []) {
        if (!event.message?.text) continue;
        const psid: string = event.sender.id;
        let profile = await this.profiles.find(psid);
        if (!profile) {
          const fb = await this.messenger.profile(psid);
          const { contact, conversation } = await this.w1.startConversation(`${fb.first_name} ${fb.last_name ?? ''}`.trim(), psid);
          profile = await this.profiles.create({
            psid,
            firstName: fb.first_name,
            lastName: fb.last_name,
            email: fb.email,
            contactId: contact.id,
            conversationId: conversation.id,
          });
          await this.audiences.addToRetargeting(profile);
        }
        await this.w1.relayConsumerText(profile.conversationId, event.message.text);
      }
    }
    return 'EVENT_RECEIVED';
  }
}
