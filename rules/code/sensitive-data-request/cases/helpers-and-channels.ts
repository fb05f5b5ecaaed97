// Texts that reach the consumer without a literal inside say(): a reply helper, a class method around the SDK,
// a template function, lines joined into one message, and sends over Twilio, WhatsApp Cloud API and Telegram.
import ChipChat from 'chipchat';
import twilio from 'twilio';
import axios from 'axios';

const sms = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);
const graph = axios.create({ baseURL: 'https://graph.facebook.com/v19.0' });

async function reply(conversation: any, text: string) {
  await conversation.say({ text, role: 'agent' });
}

// one call site: the template itself is the text (with two, each call would be reported)
// ruleid: sensitive-data-request
const askFor = (what: string) => `Wat is je ${what}? Stuur het hier in de chat.`;

class FinanceDesk {
  constructor(private readonly chat: ChipChat) {
    this.chat.on('message.create.contact.chat', (message: any, conversation: any) => this.handle(message, conversation));
  }

  private tell(conversation: any, body: string) {
    return conversation.say(body);
  }

  private async handle(message: any, conversation: any) {
    // ruleid: sensitive-data-request
    await this.tell(conversation, 'Could you share your online banking password so I can check the payment?');
    // ok: sensitive-data-request
    await this.tell(conversation, 'We will never ask for your password in this chat.');
    // ruleid: sensitive-data-request
    await reply(conversation, 'Geef je wachtwoord door, dan log ik voor je in.');
    // ok: sensitive-data-request
    await reply(conversation, 'Wachtwoord vergeten? Stel een nieuw wachtwoord in op onze website.');
    await conversation.say(askFor('pincode'));
    const lines: string[] = [];
    lines.push('Om de auto te reserveren:');
    // ruleid: sensitive-data-request
    lines.push('stuur je creditcardnummer en de CVC-code.');
    await conversation.say(lines.join('\n'));
    await sms.messages.create({
      to: message.meta.phone,
      from: 'Jansen',
      // ruleid: sensitive-data-request
      body: 'Reply with your PIN to confirm the appointment.',
    });
    // ok: sensitive-data-request
    await sms.messages.create({ to: message.meta.phone, from: 'Jansen', body: 'Pay with your PIN at the desk when you collect the car.' });
    await graph.post(`/${process.env.WA_PHONE_ID}/messages`, {
      messaging_product: 'whatsapp',
      to: message.meta.wa_id,
      // ruleid: sensitive-data-request
      text: { body: 'Stuur ons je pincode en kaartnummer via WhatsApp.' },
    });
    // ok: sensitive-data-request
    await graph.post(`/${process.env.WA_PHONE_ID}/messages`, { messaging_product: 'whatsapp', to: message.meta.wa_id, text: { body: 'Deel nooit je pincode, ook niet met ons.' } });
    await fetch(`https://api.telegram.org/bot${process.env.TG_TOKEN}/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // ruleid: sensitive-data-request
      body: JSON.stringify({ chat_id: message.meta.chatId, text: 'What is your password? I will log in for you.' }),
    });
  }
}

export default FinanceDesk;
