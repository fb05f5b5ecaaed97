import { config } from '../config.js';

const api = (method) => `https://api.telegram.org/bot${config.telegram.token}/${method}`;

export async function sendTelegram(chatId, text) {
  const res = await fetch(api('sendMessage'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ chat_id: chatId, text }),
  });
  return res.ok;
}
