import ChipChat from 'chipchat';
import { registerFinanceFlow } from './flow';

const globalForBot = globalThis as unknown as { financeBot?: ChipChat };

export const bot =
  globalForBot.financeBot ??
  new ChipChat({ token: process.env.W1_TOKEN, secret: process.env.W1_WEBHOOK_SECRET, host: process.env.W1_HOST });

if (!globalForBot.financeBot) {
  registerFinanceFlow(bot);
  globalForBot.financeBot = bot;
}
