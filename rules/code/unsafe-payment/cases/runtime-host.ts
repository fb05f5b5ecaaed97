// Payment links whose host is set at run time or assembled with `+`.
import ChipChat from 'chipchat';

const bot = new ChipChat({ token: process.env.CHIPCHAT_TOKEN });
const PAY_DOMAIN = process.env.PAY_DOMAIN;
const SHOP = 'shop.autohuis-jansen.nl';

bot.on('message.create.contact.chat', async (message, conversation) => {
  // ruleid: unsafe-payment messageId=insecureUnknownHost
  await conversation.say(`Betaal de aanbetaling hier: http://${PAY_DOMAIN}/checkout?ref=${conversation.id}`);
  // ruleid: unsafe-payment messageId=insecure
  await conversation.say('Of betaal hier: ' + 'http://' + SHOP + '/betalen?order=' + conversation.id);
  // ruleid: unsafe-payment messageId=insecureUnknownHost
  const link = 'http://' + process.env.PAY_DOMAIN + '/pay/' + conversation.id;
  await conversation.say(link);
  // ok: unsafe-payment
  await conversation.say(`Bekijk de auto: http://${PAY_DOMAIN}/occasions/${conversation.id}`);
  // ok: unsafe-payment
  await conversation.say(`Betaal veilig: https://${PAY_DOMAIN}/checkout?ref=${conversation.id}`);
  // ok: unsafe-payment
  await conversation.say('Meer informatie: ' + 'http://' + SHOP + '/occasions');
});
