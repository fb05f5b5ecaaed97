import { Inject, Injectable, Logger } from '@nestjs/common';
import type ChipChat from 'chipchat';
import { CHIPCHAT } from '../chipchat.provider';
import { PrismaService } from '../prisma.service';
import { appConfig } from '../config';

export interface WebhookPayload {
  event: string;
  data: { message: { id: string; conversation: string; contact: string; text: string } };
}

const INTEREST = /\b(proefrit|test ?drive|offerte|quote|lease)\b/i;

@Injectable()
export class LeadsService {
  private readonly logger = new Logger(LeadsService.name);

  constructor(
    @Inject(CHIPCHAT) private readonly chat: ChipChat,
    private readonly prisma: PrismaService,
  ) {}

  async handleContactMessage(message: WebhookPayload['data']['message']) {
    if (!INTEREST.test(message.text)) return;
    const contact = await this.chat.contacts.get(message.contact);
    this.logger.log(`New lead from ${contact.name} <${contact.email}> ${contact.telephone}`);

    const lead = await this.prisma.lead.upsert({
      where: { contactId: contact.id },
      create: {
        contactId: contact.id,
        name: contact.name,
        email: contact.email,
        phone: contact.telephone,
        firstMessage: message.text,
      },
      update: { name: contact.name, email: contact.email, phone: contact.telephone },
    });
    this.logger.log(`Lead ${lead.id} stored for conversation ${message.conversation}`);

    await this.chat.conversations.update(message.conversation, {
      meta: { leadId: lead.id, leadSource: 'leadbridge' },
    });
    await this.chat.send(message.conversation, {
      text: 'Thanks! One of our sales advisers will contact you within one working day.',
      role: 'agent',
    });
    await this.chat.send(message.conversation, {
      type: 'command',
      text: `/notify ${appConfig.salesChannel}`,
    });
  }

  async exportCsv(): Promise<string> {
    const leads = await this.prisma.lead.findMany({ orderBy: { createdAt: 'desc' } });
    const header = 'id,name,email,phone,createdAt';
    return [header, ...leads.map((l) => [l.id, l.name, l.email, l.phone, l.createdAt.toISOString()].join(','))].join('\n');
  }
}
