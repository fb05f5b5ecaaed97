// AWS SDK v3 commands name their table: deleting conversations' sessions does not erase the contacts table.
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, PutCommand, DeleteCommand } = require('@aws-sdk/lib-dynamodb');
const ChipChat = require('chipchat');

const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const bot = new ChipChat({ token: process.env.TOKEN });

bot.on('contact.create', async (payload) => {
  const contact = payload.data.contact;
  // ruleid: erasure-not-handled messageId=notErased col=9
  await ddb.send(new PutCommand({ TableName: 'Contacts', Item: { id: contact.id, email: contact.profile.email } }));
  // ok: erasure-not-handled
  await ddb.send(new PutCommand({ TableName: 'Sessions', Item: { id: contact.conversation, step: 'start' } }));
});

bot.on('conversation.delete', async (payload) => {
  await ddb.send(new DeleteCommand({ TableName: 'Sessions', Key: { id: payload.data.conversation.id } }));
});
