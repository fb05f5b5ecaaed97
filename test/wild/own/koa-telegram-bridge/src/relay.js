import { config } from './config.js';
import { logger } from './lib/logger.js';
import { sendTelegram } from './lib/telegram.js';

// Agent replies go back to Telegram: check every linked conversation for new agent messages.
export function startRelay({ w1, links }) {
  setInterval(async () => {
    for (const [chatId, link] of links.all()) {
      try {
        const messages = await w1.messagesSince(link.conversationId, link.lastSeen);
        for (const m of messages.filter((x) => x.role === 'agent' || x.role === 'bot')) {
          await sendTelegram(chatId, m.text);
        }
        if (messages.length) await links.touch(chatId, Date.now());
      } catch (err) {
        logger.warn({ chatId, err: err.message }, 'poll failed');
      }
    }
  }, config.pollEveryMs);
}
