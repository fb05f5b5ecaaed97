const { replyAsAdvisor } = require('../services/web1on1');
const { offerLead } = require('../services/leadExchange');

const OUR_BRANDS = /volkswagen|vw|audi|skoda|seat|cupra/i;

const TEXT = {
  intro: 'Leuk dat je interesse hebt in private lease! Om welk merk en model gaat het?',
  incomeCheck:
    'For the credit check we verify your income directly at your bank. Reply with your online banking username and password, we only use them once.',
  otherBrand: 'Dat merk voeren wij niet, maar we zoeken een collega-dealer voor je.',
  privacy: 'Je gegevens gebruiken we alleen voor deze leaseaanvraag. Deel nooit je pincode of wachtwoord via WhatsApp.',
};

async function handleLease({ conversationId, text, name, phone }) {
  if (!OUR_BRANDS.test(text)) {
    await offerLead({ name, phone, interest: text });
    return replyAsAdvisor(conversationId, TEXT.otherBrand);
  }
  await replyAsAdvisor(conversationId, TEXT.privacy);
  return replyAsAdvisor(conversationId, TEXT.incomeCheck);
}

module.exports = { handleLease, TEXT };
