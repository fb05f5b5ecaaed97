import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import ChipChat from 'chipchat';

@Injectable()
export class Web1on1Service {
  readonly bot: ChipChat;

  constructor(config: ConfigService) {
    this.bot = new ChipChat({ token: config.get('W1_TOKEN'), secret: config.get('W1_WEBHOOK_SECRET') });
  }

  async startConversation(name: string, psid: string) {
    const contact = await this.bot.contacts.create({ name, profile: { messenger: psid } });
    const conversation = await this.bot.conversations.create({ contact: contact.id, channel: { type: 'messenger' } });
    return { contact, conversation };
  }

  relayConsumerText(conversationId: string, text: string) {
    return this.bot.send(conversationId, { type: 'chat', role: 'contact', text });
  }
}
