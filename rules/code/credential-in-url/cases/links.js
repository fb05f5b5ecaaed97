// A dealer bot that sends consumers links and calls the dealer's systems.
const ChipChat = require('chipchat');
const axios = require('axios');
const { MongoClient } = require('mongodb');

const bot = new ChipChat({ token: process.env.TOKEN });
const PORTAL = 'https://portal.autodealer-sync.nl';

function planLink(conversation) {
  // ruleid: credential-in-url messageId=source col=10
  return `https://afspraak.autodealer-sync.nl/plan?conv=${conversation.id}&token=${process.env.TOKEN}`;
}

bot.on('message', async (message, conversation) => {
  // ruleid: credential-in-url messageId=source col=26
  await conversation.say(`Bekijk uw offerte: ${PORTAL}/offerte/${message.conversation}?access_token=${bot.auth.token}`);
  await conversation.say(`Plan uw APK: ${planLink(conversation)}`);
});

// ruleid: credential-in-url messageId=literal col=19
const STOCK_URL = 'https://dms.autodealer-sync.nl/api/stock?dealer=4411&apikey=f3a9c2e17b8d4a6c9e0f1b2d3c4a5e6f';
// ruleid: credential-in-url messageId=literal col=19
const MAP_IMAGE = 'https://maps.googleapis.com/maps/api/staticmap?center=Utrecht&zoom=14&key=AIzaRQJr71PNbv6ZE_6qagNQ946JBLpD4JG5Y9G';
// ruleid: credential-in-url messageId=userinfo col=31
const mongo = new MongoClient('mongodb://stock:Welkom2024!@db.autodealer-sync.nl:27017/stock');

async function pushLead(lead) {
  // ruleid: credential-in-url messageId=source col=15
  const url = PORTAL + '/api/leads?user=bot&password=' + encodeURIComponent(process.env.CRM_PASSWORD);
  return axios.post(url, lead);
}

async function stock(dealer) {
  const url = new URL('/api/stock', 'https://dms.autodealer-sync.nl');
  url.searchParams.set('dealer', dealer);
  // ruleid: credential-in-url messageId=source col=3
  url.searchParams.set('token', process.env.DMS_TOKEN);
  return axios.get(url.toString());
}

async function vehicles(dealer) {
  return axios.get('https://dms.autodealer-sync.nl/api/vehicles', {
    params: {
      dealer,
      // ruleid: credential-in-url messageId=source col=7
      api_key: process.env.DMS_API_KEY,
    },
  });
}

function staticMap(city) {
  // ruleid: credential-in-url messageId=literal col=10
  return `${process.env.MAPS_BASE}?center=${encodeURIComponent(city)}&key=AIzaRQJr71PNbv6ZE_6qagNQ946JBLpD4JG5Y9G`;
}

module.exports = { staticMap, STOCK_URL, MAP_IMAGE, mongo, pushLead, stock, vehicles };
