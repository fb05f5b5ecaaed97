import ChipChat from 'chipchat';
import pino from 'pino';
import { createLogger, format, transports } from 'winston';
import logger from './lib/logger';

const bot = new ChipChat({ token: process.env.TOKEN as string });
const log = pino({ level: 'info' });
const audit = createLogger({ format: format.json(), transports: [new transports.File({ filename: 'audit.log' })] });

bot.on('message.create.contact.chat', async (message: any, ctx: any) => {
  const contact = await bot.contacts.get(message.contact);
  // ruleid: personal-data-logged messageId=logged col=12
  log.info({ contact }, 'new lead');
  // ok: personal-data-logged
  log.info({ conversation: message.conversation, contactId: contact.id }, 'new lead');
  // ruleid: personal-data-logged messageId=logged col=22
  audit.info('lead', { email: contact.profile.email, phone: contact.profile.telephone });
  // ruleid: personal-data-logged messageId=logged col=16
  logger.debug(`question from ${contact.profile.givenName}: ${message.text}`);
  // ok: personal-data-logged
  logger.info('answered in %d ms', Date.now() - message.createdAt);
  // ok: personal-data-logged
  const magnitude = Math.log(message.text.length);
  await ctx.say(`Bedankt! (${magnitude.toFixed(1)})`);
});

export class LeadService {
  constructor(private readonly logger: { warn: (...a: unknown[]) => void }) {}

  remember(lead: { email: string; name: string }): void {
    // ruleid: personal-data-logged messageId=logged col=40
    this.logger.warn('duplicate lead', lead.email);
  }
}
