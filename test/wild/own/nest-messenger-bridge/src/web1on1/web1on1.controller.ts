import { Controller, OnModuleInit, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Web1on1Service } from './web1on1.service';
import { MessengerService } from '../messenger/messenger.service';
import { ProfilesService } from '../profiles/profiles.service';

@Controller('web1on1')
export class Web1on1Controller implements OnModuleInit {
  private handler!: (req: Request, res: Response) => void;

  constructor(
    private readonly w1: Web1on1Service,
    private readonly messenger: MessengerService,
    private readonly profiles: ProfilesService,
  ) {}

  onModuleInit() {
    this.w1.bot.on('message.create.agent.chat', async (message: any) => {
      const profile = await this.profiles.byConversation(message.conversation);
      if (profile) await this.messenger.send(profile.psid, message.text);
    });
    this.w1.bot.on('contact.delete', async (payload: any) => {
      await this.profiles.forgetContact(payload.data.contact.id);
    });
    this.handler = this.w1.bot.router() as any;
  }

  @Post()
  events(@Req() req: Request, @Res() res: Response) {
    this.handler(req, res);
  }
}
