import ChipChat from 'chipchat';
import nl from './i18n/nl';
import { TEXTS } from './texts';

const bot = new ChipChat({ token: process.env.CHIPCHAT_TOKEN });
// ok: sensitive-data-request
const columns = { password: 'Password (hashed)', pin: 'PIN attempts' };

bot.on('message.create.contact.chat', async (message, conversation) => {
  await conversation.say(nl.welcome);
  await conversation.say(TEXTS.nl.login);
  console.log(columns.password);
});
