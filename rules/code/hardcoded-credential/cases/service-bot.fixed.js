// A dealer's service-reminder bot with its credentials written into the code.
const ChipChat = require('chipchat');
const axios = require('axios');
const crypto = require('crypto');
const jwt = require('jsonwebtoken');
const Stripe = require('stripe');

const bot = new ChipChat({
  // ruleid: hardcoded-credential messageId=literal col=10
  token: process.env.TOKEN,
  // ruleid: hardcoded-credential messageId=literal col=11
  secret: process.env.SECRET,
});

// ruleid: hardcoded-credential messageId=literal col=18
const MAPS_KEY = process.env.MAPS_KEY;
// ruleid: hardcoded-credential messageId=literal col=23
const stripe = Stripe(process.env.STRIPE_SECRET_KEY);
// ruleid: hardcoded-credential messageId=literal col=51
const refreshToken = process.env.REFRESH_TOKEN;

const dms = axios.create({
  baseURL: 'https://dms.autodealer-sync.nl/api',
  headers: {
    // ruleid: hardcoded-credential messageId=header col=20
    Authorization: `Bearer ${process.env.API_TOKEN}`,
  },
});

const crm = {
  // ruleid: hardcoded-credential messageId=literal col=13
  password: process.env.PASSWORD,
  user: 'dealer-sync',
};

// ruleid: hardcoded-credential messageId=cryptoKey col=29
const LINK_SIGNING_SECRET = process.env.LINK_SIGNING_SECRET;

function signedLink(conversationId) {
  const sig = crypto.createHmac('sha256', LINK_SIGNING_SECRET).update(conversationId).digest('hex');
  return `https://afspraak.autodealer-sync.nl/plan/${conversationId}?sig=${sig}`;
}

function sessionToken(user) {
  // ruleid: hardcoded-credential messageId=cryptoKey col=37
  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });
}

bot.on('message', async (message, conversation) => {
  const car = await dms.get(`/vehicles?contact=${message.contact}`);
  await conversation.say(`Uw ${car.data.model} is toe aan een beurt. Plan hier: ${signedLink(conversation.id)}`);
});

module.exports = { bot, stripe, crm, MAPS_KEY, refreshToken, sessionToken };
