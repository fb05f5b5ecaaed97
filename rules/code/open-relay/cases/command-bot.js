// A WhatsApp helper bot with text commands, on whatsapp-web.js.
const { Client, LocalAuth } = require('whatsapp-web.js');

const client = new Client({ authStrategy: new LocalAuth() });
const OWNER = process.env.OWNER_ID;

client.on('message', async (msg) => {
  if (msg.body.startsWith('!sendto ')) {
    let number = msg.body.split(' ')[1];
    const text = msg.body.slice(msg.body.indexOf(number) + number.length);
    number = number.includes('@c.us') ? number : `${number}@c.us`;
    // ruleid: open-relay messageId=relay col=5
    client.sendMessage(number, text);
  } else if (msg.body.startsWith('!invite ')) {
    const { body } = msg;
    // a fixed invitation: the sender picks the number, not the words
    // ok: open-relay
    client.sendMessage(`${body.split(' ')[1]}@c.us`, 'Welkom bij Autohuis Demo! Reageer met STOP om af te melden.');
  } else if (msg.body === '!ping') {
    // a reply to the sender
    // ok: open-relay
    client.sendMessage(msg.from, msg.body.replace('ping', 'pong'));
  }
});

client.on('message', async (msg) => {
  if (msg.from !== OWNER) return;
  if (msg.body.startsWith('!forward ')) {
    const [, to, ...words] = msg.body.split(' ');
    // only the owner can use it
    // ok: open-relay
    client.sendMessage(to, words.join(' '));
  }
});

client.initialize();
