// Bot clients of other channels (whatsapp-web.js, Viber, Telegram …): their message events carry people's messages.
const { Client } = require('whatsapp-web.js');

const client = new Client();

client.on('message', async (msg) => {
  // ruleid: personal-data-logged messageId=logged
  console.log('MESSAGE RECEIVED', msg);
  // ruleid: personal-data-logged messageId=logged
  console.log('from', msg.from, 'says', msg.body);
  // ok: personal-data-logged
  console.log('message type', msg.type, msg.hasMedia);
  // a number parsed out of the message text is the sender's
  const phone = msg.body.match(/\+?\d{10,12}/);
  // ruleid: personal-data-logged messageId=logged
  console.log('phone found', phone[0]);
  const isQuestion = msg.body.includes('?');
  // ok: personal-data-logged
  console.log('question?', isQuestion, msg.body.length);
});

client.on('group_join', (notification) => {
  // ruleid: personal-data-logged messageId=logged
  console.log(notification);
});

// ok: personal-data-logged
client.on('qr', (qr) => console.log('scan this', qr.length));

client.on('loading_screen', (percent, message) => {
  // ok: personal-data-logged
  console.log('LOADING SCREEN', percent, message);
});

client.on('auth_failure', (msg) => {
  // a parameter named like the message of the handler above is another value
  // ok: personal-data-logged
  console.error('AUTHENTICATION FAILURE', msg);
});

// process IPC is not a chat
// ok: personal-data-logged
process.on('message', (msg) => console.log('from parent', msg));

client.initialize();
