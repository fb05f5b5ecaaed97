const api = (method) => `https://api.telegram.org/bot${process.env.TELEGRAM_TOKEN}/${method}`;

async function sendTelegram(chatId, text) {
  const res = await fetch(api('sendMessage'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ chat_id: chatId, text }),
  });
  return res.ok;
}

function audit(event, detail) {
  return { event, detail, at: Date.now() };
}

module.exports = { sendTelegram, audit };
