// Only the connection's own state: no message, contact or chat is read.
const { Client } = require('whatsapp-web.js');

const client = new Client();

client.on('change_state', (state) => {
  process.stdout.write(`connection is ${state}\n`);
});

client.on('disconnected', (reason) => {
  process.stdout.write(`disconnected: ${reason}\n`);
});

client.initialize();
