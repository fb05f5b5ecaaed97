import type ChipChat from 'chipchat';
import type { Logger } from 'pino';
import { text } from './locales';
import type { BookingStore } from './db/BookingStore';

const BSN = /^\d{9}$/;

export class TestDriveBot {
  private chat: ChipChat;

  constructor(
    chat: ChipChat,
    private readonly bookings: BookingStore,
    private readonly log: Logger,
  ) {
    this.chat = chat;
  }

  register(): void {
    this.chat.on('message.create.contact.chat', (message: any, conversation: any) => {
      if (/proefrit|test ?drive/i.test(message.text ?? '')) void this.book(message, conversation);
    });

    this.chat.on('contact.update', async (payload: any) => {
      const c = payload.data.contact;
      const n = await this.bookings.refreshContact(c.id, { name: c.name, phone: c.telephone, email: c.email });
      this.log.info({ contact: c.id, rows: n }, 'bookings refreshed');
    });

    this.log.debug({ auth: this.chat.auth }, 'test drive bot registered');
  }

  // Pick up conversations that land in the queue before an agent sees them.
  startQueueWatcher(): void {
    setInterval(async () => {
      const queued = await this.chat.conversations.list({ status: 'queued', limit: 100 });
      for (const conv of queued) {
        const conversation = await this.chat.conversation(conv.id);
        await conversation.accept();
      }
    }, 500);
  }

  private async book(message: any, conversation: any): Promise<void> {
    const contact = await this.chat.contacts.get(message.contact);
    const locale = contact.locale;
    await conversation.say(text(locale, 'greeting', { name: contact.name }));
    await conversation.say(text(locale, 'privacy'));
    conversation.ask(text(locale, 'askModel'), (m1: any) => {
      conversation.ask(text(locale, 'askDay'), (m2: any) => {
        conversation.ask(text(locale, 'askBsn'), async (m3: any) => {
          const bsn = String(m3.text).replace(/\D/g, '');
          await this.bookings.add({
            contactId: contact.id,
            conversationId: conversation.id,
            name: contact.name,
            phone: contact.telephone,
            email: contact.email,
            bsn: BSN.test(bsn) ? bsn : '',
            model: m1.text,
            day: m2.text,
          });
          await conversation.say(text(locale, 'booked', { model: m1.text, day: m2.text }));
        });
      });
    });
  }
}
