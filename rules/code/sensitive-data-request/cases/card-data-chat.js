// Deposit bot: the card data it asks for in the chat also makes the payment insecure (D.6); expected.json says which clauses.
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.CHIPCHAT_TOKEN });

bot.onText(/aanbetaling/i, (message, conversation) => {
  conversation.say('Stuur je kaartnummer, de vervaldatum en de CVC, dan reserveren we de auto.');
  conversation.say('Wat is de vervaldatum van je creditcard?');
  conversation.say('En de beveiligingscode op de achterkant van je kaart: wat is die? Stuur de drie cijfers op de achterkant van je kaart.');
  // ok: sensitive-data-request
  conversation.say('Wat is de vervaldatum van uw APK? Stuur de vervaldatum even door, dan plannen we de keuring.');
});

bot.onText(/deposit/i, (message, conversation) => {
  conversation.say('What is the expiry date on your card?');
  conversation.say('Please enter the card number, expiry and CVV below.');
  conversation.say('Tell us your PIN so we can take the deposit.');
  // ok: sensitive-data-request
  conversation.say('Your card expires next month: we will send you a new payment link.');
  // ok: sensitive-data-request
  conversation.say('Please send the security code of the alarm so the workshop can move the car.');
});

bot.forms.create({
  name: 'Aanbetaling',
  fields: [
    { name: 'Vervaldatum kaart', key: 'expiry' },
    // ok: sensitive-data-request
    { name: 'Vervaldatum rijbewijs', key: 'licenceExpiry' },
  ],
});

bot.start();
