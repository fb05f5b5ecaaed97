const { hubSignatureValid } = require('./security');

// ok: webhook-unverified
exports.handler = async (event) => {
  if (!hubSignatureValid(event.body, event.headers['x-hub-signature'], process.env.WEBHOOK_SECRET)) return { statusCode: 401 };
  const body = JSON.parse(event.body);
  if (body.event === 'message.create.contact.chat') console.log(body.data.message.id);
  return { statusCode: 200 };
};
