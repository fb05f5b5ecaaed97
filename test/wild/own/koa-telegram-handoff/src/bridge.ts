import type ChipChat from 'chipchat';
import { LinkStore } from './store';
import { sendTelegram, type TelegramUpdate } from './telegram';

const GREETING = 'Hoi! Ik ben Sanne van het verkoopteam 😊 Waarmee kan ik je helpen?';
const FAILED = 'Shit, er ging iets mis. Probeer het later nog eens.';

export class Bridge {
  constructor(
    private readonly bot: ChipChat,
    private readonly links: LinkStore,
  ) {
    this.bot.on('message.create.contact.chat.agent', (message: any, conversation: any) => this.toTelegram(message, conversation));
  }

  async fromTelegram(update: TelegramUpdate): Promise<void> {
    const msg = update.message;
    if (!msg?.text && !msg?.contact) return;
    console.log(`[tg] ${msg.from.first_name} ${msg.from.last_name ?? ''}: ${msg.text ?? '(contact shared)'}`);

    if (msg.text?.startsWith('/calc ')) {
      const expression = msg.text.slice('/calc '.length);
      const result = new Function(`return (${expression})`)();
      return sendTelegram(msg.chat.id, `= ${result}`);
    }

    try {
      let link = this.links.byChat(msg.chat.id);
      if (!link) {
        const name = [msg.from.first_name, msg.from.last_name].filter(Boolean).join(' ');
        const contact = await this.bot.contacts.create({ name, meta: { telegram: msg.from.username } });
        const conversation = await this.bot.conversations.create({
          contact: contact.id,
          name: `Telegram: ${name}`,
          messages: [{ type: 'chat', role: 'contact', text: msg.text ?? '' }],
        });
        link = { chatId: msg.chat.id, conversationId: conversation.id, contactId: contact.id, name, username: msg.from.username ?? null, phone: null };
        this.links.save(link);
        await sendTelegram(msg.chat.id, GREETING);
        return;
      }
      if (msg.contact) {
        this.links.save({ ...link, phone: msg.contact.phone_number });
        return;
      }
      await this.bot.send(link.conversationId, { type: 'chat', role: 'contact', text: msg.text });
    } catch (err) {
      console.error('bridge error', (err as Error).message);
      await sendTelegram(msg.chat.id, FAILED);
    }
  }

  private async toTelegram(message: any, conversation: any): Promise<void> {
    const link = this.links.byConversation(conversation.id);
    if (link) await sendTelegram(link.chatId, message.text);
  }
}
