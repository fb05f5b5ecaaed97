// Payment fallback written for a demo and left in production code.
import ChipChat from 'chipchat';
import pino from 'pino';

const bot = new ChipChat({ token: process.env.CHIPCHAT_TOKEN });
const logger = pino();
const DEMO_CARD = '5321 8716 2345 6782';

export async function charge(conversationId: string, amount: number): Promise<void> {
  // ruleid: sensitive-data-stored messageId=literal col=3
  logger.info({ amount, card: DEMO_CARD }, 'charging with the fallback card');
  // ok: sensitive-data-stored
  logger.info('sandbox charge with test card 4111 1111 1111 1111');
  // ok: sensitive-data-stored
  await bot.send(conversationId, { text: `Betaling van € ${amount} ontvangen, ordernummer 1700000000129.`, role: 'agent' });
}

bot.onText(/pincode/i, (message, conversation) => {
  // a PIN typed into the chat is kept in the conversation meta
  conversation.ask('Wat is uw pincode?').then(({ text }) => {
    // ruleid: sensitive-data-stored messageId=kept col=5
    conversation.set('pin', text);
  });
});
