// Deposit bot: sends a payment link so the consumer can reserve a car.
const ChipChat = require('chipchat');
const axios = require('axios');

const bot = new ChipChat({ token: process.env.CHIPCHAT_TOKEN });

// ruleid: unsafe-payment messageId=insecure col=25
const LEGACY_PAY_PAGE = 'https://betalen.autobedrijf-jansen.nl/aanbetaling';
// ok: unsafe-payment
const MOLLIE_API = 'https://api.mollie.com/v2/payments';

async function paymentLink(orderId, amount) {
  const { data } = await axios.post(MOLLIE_API, {
    amount: { currency: 'EUR', value: amount },
    description: `Aanbetaling ${orderId}`,
    // ok: unsafe-payment
    redirectUrl: `https://www.autobedrijf-jansen.nl/bedankt?order=${orderId}`,
  }, { headers: { Authorization: `Bearer ${process.env.MOLLIE_KEY}` } });
  return data._links.checkout.href;
}

bot.onText(/reserveren/i, async (message, conversation) => {
  const link = await paymentLink(message.conversation, '500.00');
  await conversation.say({
    text: 'Reserveer de auto met een aanbetaling van € 500:',
    role: 'agent',
    actions: [
      // ok: unsafe-payment
      { type: 'link', text: 'Betalen met iDEAL', payload: link },
      // ruleid: unsafe-payment messageId=unapproved col=60
      { type: 'link', text: 'Andere betaalwijze', payload: 'https://quickpay-deals.biz/checkout?ref=jansen' },
    ],
  });
});

bot.onText(/tikkie/i, (message, conversation) => {
  // ok: unsafe-payment
  conversation.say('Liever een Tikkie? Betaal hier: https://tikkie.me/pay/Jansen/8jh2k');
  // ruleid: unsafe-payment messageId=insecure col=20
  conversation.say(`Of betaal via onze oude pagina: https://www.autobedrijf-jansen.nl/betalen?order=${message.conversation}`);
  // ok: unsafe-payment
  conversation.say('Meer over onze occasions: http://www.autobedrijf-jansen.nl/occasions');
  // ok: unsafe-payment
  conversation.say('Testen kan lokaal op http://localhost:3000/checkout');
});

bot.onText(/oude pagina/i, (message, conversation) => {
  // ok: unsafe-payment
  conversation.say(`Betaal hier: ${LEGACY_PAY_PAGE}?order=${message.conversation}`);
});

module.exports = { LEGACY_PAY_PAGE };
