// Personal data from other platforms' clients: IRC and WhatsApp Web event streams, a MessageBird-style REST client,
// Messenger webhook events. What a call answers counts by the resource it names and whether it reads.
const irc = require('irc');
const messagebird = require('messagebird')(process.env.MESSAGEBIRD_KEY);
const { Client } = require('whatsapp-web.js');

const ircBot = new irc.Client('irc.example.org', 'nodebot', { channels: ['#cars'] });

ircBot.addListener('message', function (from, to, message) {
  // every parameter of a message event carries it: the sender's nick and the text
  // ruleid: personal-data-logged messageId=logged
  console.log('%s => %s: %s', from, to, message);
});

ircBot.addListener('pm', function (nick, text) {
  // ruleid: personal-data-logged
  console.log('private message from %s: %s', nick, text);
});

ircBot.addListener('join', function (channel, who) {
  // other events hand their data first; a channel name is none
  // ok: personal-data-logged
  console.log('%s has joined %s', who, channel);
});

ircBot.addListener('error', function (message) {
  // ok: personal-data-logged
  console.error('IRC error: %s', message.command);
});

messagebird.conversations.list(20, 0, function (err, response) {
  // ok: personal-data-logged
  if (err) return console.log(err);
  // ruleid: personal-data-logged
  console.log(response);
});

messagebird.conversations.listMessages(process.env.CONVERSATION, 20, 0, (err, page) => {
  // ruleid: personal-data-logged
  console.log(page.items);
  // ok: personal-data-logged
  console.log('messages:', page.count);
});

messagebird.conversations.reply(process.env.CONVERSATION, { type: 'text', content: { text: 'Hello!' } }, (err, response) => {
  // the receipt of a message the app itself sends
  // ok: personal-data-logged
  console.log(response);
});

messagebird.conversations.webhooks.create({ events: ['message.created'], url: 'https://example.com/hook' }, (err, hook) => {
  // ok: personal-data-logged
  console.log(hook);
});

// ruleid: personal-data-logged
messagebird.contacts.read(process.env.CONTACT).then(console.log);

const client = new Client();

client.on('message', async (msg) => {
  const chat = await msg.getChat();
  // ruleid: personal-data-logged
  console.log(chat);
  const chats = await client.getChats();
  // ok: personal-data-logged
  console.log('chats:', chats.length);
  // ruleid: personal-data-logged
  console.log((await client.getChatById(msg.from)).name);
  const pinned = await msg.pin(60);
  // ok: personal-data-logged
  console.log('pinned', pinned);
});

client.on('message_revoke_everyone', (after, before) => {
  // ruleid: personal-data-logged
  console.log(before);
});

client.on('message_ack', (msg, ack) => {
  // ok: personal-data-logged
  console.log('ack', ack);
});

const recentUsers = [];
function remember(id) {
  // a list of the app's own, not another platform's client
  const user = recentUsers.find((u) => u.id === id);
  // ok: personal-data-logged
  console.log(user);
}

// the app's own account
// ok: personal-data-logged
messagebird.users.get(messagebird.auth.user).then(console.log);

function handleFacebookData(data) {
  data.entry.forEach((entry) => {
    entry.messaging.forEach((event) => {
      if (event.delivery) {
        // ok: personal-data-logged
        console.log('delivered up to', event.delivery.watermark);
      } else if (event.message) {
        // ruleid: personal-data-logged
        console.log('text', event.message.text);
      } else {
        // ruleid: personal-data-logged
        console.log('Webhook received unknown event: ', event);
      }
    });
  });
}

module.exports = { remember, handleFacebookData };
