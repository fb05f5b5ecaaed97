const ChipChat = require('chipchat');
const { IncomingWebhook } = require('@slack/webhook');

// A factory: what it returns is the SDK instance.
function createClient() {
  return new ChipChat({ token: process.env.W1O1_TOKEN });
}

const client = createClient();

// Destructuring a resource off the instance: contacts:read.
const { contacts } = client;

// The instance in an object, read back as ctx.api: conversations:read.
const ctx = { api: client, region: 'NL' };

// A function parameter bound at its call site: conversations:write.
async function tagConversation(sdk, id, source) {
  await sdk.conversations.update(id, { meta: { source } });
}

// An object spread keeps the instance: organizations:read.
const services = { ...ctx, extra: true };

async function route(lead) {
  const [contact] = await contacts.list({ 'profile.email': lead.email });
  const conversation = await ctx.api.conversations.get(contact.conversation);
  await tagConversation(client, conversation.id, lead.source);
  return services.api.organizations.get(conversation.organization);
}

// Near-miss: another function's `sdk` parameter gets Slack's webhook, never the SDK, so users:read stays unused.
async function notifySales(sdk) {
  return sdk.users.list();
}
notifySales(new IncomingWebhook(process.env.SLACK_URL));

module.exports = { route };
