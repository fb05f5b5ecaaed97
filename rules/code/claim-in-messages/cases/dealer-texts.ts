// A dealer bot whose texts live in a locale dictionary and go out through a reply helper and SMS.
import ChipChat from 'chipchat';
import twilio from 'twilio';

const bot = new ChipChat({ token: process.env.CHIPCHAT_TOKEN });
const sms = twilio(process.env.TWILIO_SID, process.env.TWILIO_TOKEN);

export const texts = {
  nl: {
    // ruleid: claim-in-messages
    welcome: 'Welkom! Ik ben de officiële Volkswagen assistent van Autohuis Jansen.',
    // ok: claim-in-messages
    dealer: 'Autohuis Jansen is officieel Volkswagen dealer in Utrecht.',
    // ruleid: claim-in-messages
    quote: 'Onze AI maakt nooit fouten: dit bod is definitief.',
    // ok: claim-in-messages
    humble: 'Dit bod is een indicatie; een adviseur bevestigt het. Wij maken soms fouten.',
  },
  en: {
    // ruleid: claim-in-messages
    welcome: 'Hi! I am the official assistant of BMW.',
    // ruleid: claim-in-messages
    privacy: 'Relax, this chat is end-to-end encrypted.',
    // ok: claim-in-messages
    hours: 'Our official opening hours are 9 to 5.',
    // ok: claim-in-messages
    disclaimer: 'This assistant is not made or endorsed by Web1on1.',
  },
};

async function reply(conversation: { say(m: unknown): Promise<void> }, text: string) {
  await conversation.say({ text, role: 'agent' });
}

bot.on('message.create.contact.chat', async (message, conversation) => {
  // ruleid: claim-in-messages
  await reply(conversation, 'Deze koppeling is ontwikkeld door Web1on1.');
  // ok: claim-in-messages
  await reply(conversation, 'Powered by Web1on1, for Volkswagen drivers.');
  // ruleid: claim-in-messages
  await sms.messages.create({ to: message.meta.phone, from: 'Jansen', body: 'Uw gegevens zijn 100% veilig bij ons.' });
  // ok: claim-in-messages
  await sms.messages.create({ to: message.meta.phone, from: 'Jansen', body: 'Uw gegevens gaan versleuteld (TLS) naar onze server.' });
  // ok: claim-in-messages
  await conversation.say({ text: 'Let op: de klant denkt dat dit de officiële BMW bot is.', isBackchannel: true });
});
