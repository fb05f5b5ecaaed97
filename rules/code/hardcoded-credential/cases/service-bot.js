// A dealer's service-reminder bot with its credentials written into the code.
const ChipChat = require('chipchat');
const axios = require('axios');
const crypto = require('crypto');
const jwt = require('jsonwebtoken');
const Stripe = require('stripe');

const bot = new ChipChat({
  // ruleid: hardcoded-credential messageId=literal col=10
  token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJfaWQiOiI1ZjFjMmE5ZThkM2I0YzAwMTJhN2U5ZjEiLCJvcmdhbml6YXRpb24iOiI1ZThhN2M2YjRkM2YyMTAwMTE4YjZjNWEiLCJzY29wZSI6ImJvdCIsImdyYW50X3R5cGUiOiJhY2Nlc3NfdG9rZW4iLCJpYXQiOjE3MDAwMDAwMDB9.tDWh9DF0lwUd6iUpKChtfuahBclQGVoXen57LekC9qY',
  // ruleid: hardcoded-credential messageId=literal col=11
  secret: 'vfzZoNT6IPY4C1Z3h5HBUBTvCCI20yla',
});

// ruleid: hardcoded-credential messageId=literal col=18
const MAPS_KEY = 'AIzaRQJr71PNbv6ZE_6qagNQ946JBLpD4JG5Y9G';
// ruleid: hardcoded-credential messageId=literal col=23
const stripe = Stripe('sk_live_cQSZ8RY7anWJx1b9Ygq7Rdig');
// ruleid: hardcoded-credential messageId=literal col=51
const refreshToken = process.env.REFRESH_TOKEN || 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJfaWQiOiI2YTJiM2M0ZDVlNmY3MDgxOTJhM2I0YzUiLCJzY29wZSI6ImJvdCIsImlhdCI6MTcxMDAwMDAwMH0.8SjTwIunNMu3Vgi9jPf3EI9s-P_B3g8WV5JIu1MS1rA';

const dms = axios.create({
  baseURL: 'https://dms.autodealer-sync.nl/api',
  headers: {
    // ruleid: hardcoded-credential messageId=header col=20
    Authorization: 'Bearer 124a097e3cd2d4d9c124b3ea3718ae18f672ec78',
  },
});

const crm = {
  // ruleid: hardcoded-credential messageId=literal col=13
  password: 'Vq7#tR2m!xK9',
  user: 'dealer-sync',
};

// ruleid: hardcoded-credential messageId=cryptoKey col=29
const LINK_SIGNING_SECRET = 'werkplaats-links';

function signedLink(conversationId) {
  const sig = crypto.createHmac('sha256', LINK_SIGNING_SECRET).update(conversationId).digest('hex');
  return `https://afspraak.autodealer-sync.nl/plan/${conversationId}?sig=${sig}`;
}

function sessionToken(user) {
  // ruleid: hardcoded-credential messageId=cryptoKey col=37
  return jwt.sign({ sub: user.id }, 'garage-sessie-2024', { expiresIn: '1h' });
}

bot.on('message', async (message, conversation) => {
  const car = await dms.get(`/vehicles?contact=${message.contact}`);
  await conversation.say(`Uw ${car.data.model} is toe aan een beurt. Plan hier: ${signedLink(conversation.id)}`);
});

module.exports = { bot, stripe, crm, MAPS_KEY, refreshToken, sessionToken };
