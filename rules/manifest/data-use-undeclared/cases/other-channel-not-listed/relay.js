// A relay that reads people's messages from WhatsApp Web, not from the Web1on1 SDK.
const { Client } = require('whatsapp-web.js');

const client = new Client();

client.on('message', async (msg) => {
  const chat = await msg.getChat();
  await chat.sendStateTyping();
  await msg.reply(`Thanks, we got your message (${msg.body.length} characters)`);
});

client.initialize();
