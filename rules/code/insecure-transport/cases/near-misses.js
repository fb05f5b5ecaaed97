// Local development, private networks, namespaces and links in text: none of this is insecure transport.
const ChipChat = require('chipchat');
const axios = require('axios');

// ok: insecure-transport
const bot = new ChipChat({ token: process.env.TOKEN, host: process.env.APIHOST || 'https://api.web1on1.chat' });

// ok: insecure-transport
const local = axios.create({ baseURL: 'http://localhost:3000/api' });
// ok: insecure-transport
const loop = axios.create({ baseURL: 'http://127.0.0.1:8080' });
// ok: insecure-transport
const sidecar = axios.create({ baseURL: 'http://dms-proxy:8080/api' });
// ok: insecure-transport
const cluster = axios.create({ baseURL: 'http://crm.default.svc.cluster.local/api' });
// ok: insecure-transport
const lan = axios.create({ baseURL: 'http://192.168.1.20:9000' });
// ok: insecure-transport
const docs = axios.create({ baseURL: 'http://api.example.com/v1' });

const svg = {
  // ok: insecure-transport
  xmlns: 'http://www.w3.org/2000/svg',
};
const schema = {
  // ok: insecure-transport
  $schema: 'http://json-schema.org/draft-07/schema#',
  // ok: insecure-transport
  homepageUrl: 'http://www.autodealer-sync.nl',
};

// ok: insecure-transport
const PAYMENT_BASE = 'http://pay.autodealer-sync.nl/checkout';
// ruleid: insecure-transport
const pspHost = 'http://psp.autodealer-sync.nl';
const payments = {
  // ok: insecure-transport
  checkoutUrl: 'http://pay.autodealer-sync.nl/checkout',
};

bot.on('message', async (message, conversation) => {
  // a payment page sent as a link: unsafe-payment's (D.6), no traffic of the app
  await conversation.say(`Betaal de aanbetaling via ${PAYMENT_BASE}?order=${conversation.id}`);
  // the app calling a payment host itself is traffic (reported at the literal)
  await axios.post(`${pspHost}/sessions`, { amount: 250 });
  // ok: insecure-transport
  await conversation.say('Meer informatie vindt u op http://www.autodealer-sync.nl/werkplaats');
  // ok: insecure-transport
  await axios.get(`http://${process.env.DMS_HOST}/stock`);
  // ok: insecure-transport
  await axios.get('https://dms.autodealer-sync.nl/api/stock');
});

module.exports = { local, loop, sidecar, cluster, lan, docs, svg, schema, payments };
