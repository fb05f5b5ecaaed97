const TG_TOKEN = process.env.TG_TOKEN ?? '6718203945:AAGk3vQ9zXcP1tLmR8wYbN5sJdH2fE7uKoA';
const API = `https://api.telegram.org/bot${TG_TOKEN}`;

export interface TelegramUpdate {
  update_id: number;
  message?: {
    message_id: number;
    text?: string;
    chat: { id: number };
    from: { id: number; first_name: string; last_name?: string; username?: string };
    contact?: { phone_number: string };
  };
}

export async function sendTelegram(chatId: number, text: string): Promise<void> {
  const res = await fetch(`${API}/sendMessage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ chat_id: chatId, text }),
  });
  if (!res.ok) throw new Error(`telegram sendMessage: ${res.status}`);
}
