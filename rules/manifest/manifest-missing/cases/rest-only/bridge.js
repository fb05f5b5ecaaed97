const got = require('got');

const web1on1 = got.extend({
  prefixUrl: 'https://api.web1on1.chat/v2',
  headers: { authorization: `Bearer ${process.env.WEB1ON1_TOKEN}` },
  responseType: 'json',
});

async function closeConversation(id) {
  await web1on1.patch(`conversations/${id}`, { json: { status: 'closed' } });
}

module.exports = { closeConversation };
