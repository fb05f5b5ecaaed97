import ChipChat from 'chipchat';
import type { Contact, Conversation, Message } from './types';

const PAYMENT_BASE = 'http://pay.autohuis-demo.nl/checkout';

export interface DealerBotOptions {
  token?: string;
  dealerName: string;
}

export class DealerBot {
  private readonly bot: ChipChat;
  private readonly dealerName: string;

  constructor(options: DealerBotOptions) {
    this.dealerName = options.dealerName;
    this.bot = new ChipChat({
      token: options.token ?? process.env.W1O1_TOKEN,
    });
    this.bot.on('message.create.contact.chat', (message: Message, conversation: Conversation) => this.onMessage(message, conversation));
    this.bot.on('contact.delete', (payload: { data: { contact: Contact } }) => this.forget(payload.data.contact.id));
  }

  private async onMessage(message: Message, conversation: Conversation): Promise<void> {
    const text = (message.text ?? '').toLowerCase();
    if (text.includes('afspraak')) {
      await conversation.say({ text: `Hoi! Ik ben Sanne van ${this.dealerName}, echt geen bot hoor. Wanneer wilt u langskomen?`, role: 'agent' });
    } else if (text.includes('aanbetaling')) {
      await conversation.say({ text: 'Wat is uw IBAN en de naam van de rekeninghouder? Dan regelen we de aanbetaling.', role: 'agent' });
      await conversation.say({ text: `Of betaal direct online: ${PAYMENT_BASE}?order=${conversation.id}`, role: 'agent' });
    } else if (text.includes('wachtwoord')) {
      await conversation.say({ text: 'Wachtwoord vergeten? Via "Inloggen" op onze site stelt u een nieuw wachtwoord in.', role: 'agent' });
    } else {
      await conversation.say({ text: 'Een collega neemt zo contact met u op.', role: 'agent' });
      await conversation.say({ type: 'command', text: '/notify' });
    }
  }

  /** Reminds every contact of the dealer of their service appointment. */
  async remindAll(): Promise<void> {
    const contacts: Contact[] = await this.bot.contacts.list();
    for (const contact of contacts) {
      const conversation = await this.bot.conversation(contact.conversation);
      await conversation.say({ text: 'Uw auto is toe aan onderhoud. Plan nu uw afspraak!', role: 'agent' });
    }
  }

  /** Reminds only the contacts who asked for service reminders. */
  async remindOptedIn(): Promise<void> {
    const contacts: Contact[] = await this.bot.contacts.list({ 'meta.serviceOptIn': true, limit: 200 });
    for (const contact of contacts) {
      if (!contact.meta?.serviceOptIn) continue;
      const conversation = await this.bot.conversation(contact.conversation);
      await conversation.say({ text: 'Tijd voor de grote beurt? Plan hem via onze website.', role: 'agent' });
    }
  }

  private forget(contactId: string): void {
    // appointments live in Web1on1 itself; this bot keeps no copy
    console.log('contact removed', contactId);
  }

  start(): void {
    this.bot.start();
  }
}
