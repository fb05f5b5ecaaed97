const ChipChat = require('chipchat');
const pLimit = require('p-limit');

const bot = new ChipChat({ token: process.env.TOKEN });
const limit = pLimit(5);

async function tagContacts(contactIds, tag) {
  // ruleid: unthrottled-api-calls messageId=fanOut col=9
  await Promise.all(contactIds.map(async (id) => {
    await bot.contacts.update(id, { tags: [tag] });
  }));
}

function closeStale(conversations) {
  // ruleid: unthrottled-api-calls messageId=fanOut col=3
  conversations.forEach(async (conversation) => {
    await bot.conversations.update(conversation.id, { status: 'closed' });
  });
}

async function fetchProfile(id) {
  return bot.contacts.get(id);
}

async function profiles(ids) {
  // ruleid: unthrottled-api-calls messageId=fanOut col=19
  const pending = ids.map(fetchProfile);
  return Promise.all(pending);
}

async function tagLimited(contactIds, tag) {
  // ok: unthrottled-api-calls
  await Promise.all(contactIds.map((id) => limit(() => bot.contacts.update(id, { tags: [tag] }))));
}

const LOCATIONS = ['Amsterdam', 'Utrecht', 'Eindhoven'];

async function notifyLocations(conversation) {
  // ok: unthrottled-api-calls
  await Promise.all(LOCATIONS.map((location) => bot.send(conversation, { text: `/notify #${location}`, type: 'command' })));
}

async function tagInSequence(contactIds, tag) {
  for (const id of contactIds) {
    // ok: unthrottled-api-calls
    await bot.contacts.update(id, { tags: [tag] });
  }
}

function formatAll(contacts) {
  // ok: unthrottled-api-calls
  return Promise.all(contacts.map(async (c) => `${c.givenName} ${c.familyName}`));
}

async function staggered(contactIds) {
  // ok: unthrottled-api-calls
  await Promise.all(contactIds.map(async (id, i) => {
    await new Promise((resolve) => setTimeout(resolve, i * 250));
    return bot.contacts.get(id);
  }));
}

module.exports = { tagContacts, closeStale, profiles, tagLimited, notifyLocations, tagInSequence, formatAll, staggered };
