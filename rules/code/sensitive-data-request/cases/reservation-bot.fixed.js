// A reservation bot for a dealer: takes a deposit and books a test drive.
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.CHIPCHAT_TOKEN });

const PROMPTS = {
  // ruleid: sensitive-data-request messageId=message col=9
  card: 'Om de auto te reserveren: betaal via de beveiligde betaallink die wij u sturen; deel geen kaartgegevens in deze chat.',
  // ok: sensitive-data-request
  desk: 'U kunt de aanbetaling ook aan de balie pinnen.',
};

bot.on('message.create.contact.chat', async (message, conversation) => {
  if (/reserveren/i.test(message.text)) {
    await conversation.say(PROMPTS.card);
    return conversation.say(PROMPTS.desk);
  }
  if (/deposit/i.test(message.text)) {
    return conversation.say({
      // ruleid: sensitive-data-request messageId=message col=13
      text: 'Please pay through the secure payment link we send you; do not share card details in this chat.',
      role: 'agent',
    });
  }
  if (/login/i.test(message.text)) {
    // ok: sensitive-data-request
    return conversation.say('Wachtwoord vergeten? Via de link op onze website stelt u een nieuw wachtwoord in.');
  }
  if (/veilig/i.test(message.text)) {
    // ok: sensitive-data-request
    return conversation.say('Wij vragen nooit om uw pincode of wachtwoord.');
  }
  if (/betalen/i.test(message.text)) {
    // ok: sensitive-data-request
    return conversation.say('Wilt u met uw pinpas of met creditcard betalen?');
  }
  return undefined;
});

bot.onText(/pin/i, (message, conversation) => {
  // ruleid: sensitive-data-request messageId=message col=20
  conversation.ask(`Hoi ${message.contact.name}, geef uw pincode even door, dan zetten we de betaling klaar.`, (answer) => {
    conversation.say({ text: 'Bedankt!', role: 'agent' });
  });
});

bot.onText(/refund/i, (message, conversation) => {
  // ok: sensitive-data-request
  conversation.ask('De aanbetaling storten we terug. Wat is uw IBAN voor de terugbetaling?');
  // ok: sensitive-data-request
  conversation.say('Our IBAN is NL91 ABNA 0417 1643 00, please mention your order number.');
});

bot.onText(/lease/i, (message, conversation) => {
  conversation.say([
    { text: 'Voor de leaseaanvraag hebben we een paar gegevens nodig.', role: 'agent' },
    // ruleid: sensitive-data-request messageId=message col=13
    { text: 'Wat is uw burgerservicenummer?', role: 'agent' },
    // ruleid: sensitive-data-request messageId=message col=13
    { text: 'And what is your bank account number?', role: 'agent' },
  ]);
});

bot.onText(/portal/i, (message, conversation) => {
  // ruleid: sensitive-data-request messageId=message col=28
  conversation.say({ text: 'Could you share your login details for the lease company, so I can check the contract?', isBackchannel: true });
});

bot.start();
