// Telegram bot that forwards notes between chats.
import TelegramBot from 'node-telegram-bot-api';

const bot = new TelegramBot(process.env.TELEGRAM_TOKEN ?? '', { polling: true });

bot.on('message', (message) => {
  const match = /^\/tell (\d+) (.+)$/.exec(message.text ?? '');
  if (!match) return;
  const [, chatId, note] = match;
  // ruleid: open-relay messageId=relay col=3
  bot.sendMessage(chatId, note);
});

bot.on('message', (message) => {
  // ok: open-relay
  bot.sendMessage(message.chat.id, `You said: ${message.text}`);
});
