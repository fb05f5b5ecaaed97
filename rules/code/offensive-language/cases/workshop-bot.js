// Workshop planning bot of a Dutch dealer: books services and body repairs.
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.CHIPCHAT_TOKEN });

// ok: offensive-language
const SERVICE_INTRO = 'Tijd voor de grote beurt? We geven uw auto graag een beurt geven-vrije dag: kies een moment.';

const REPLIES = {
  // ok: offensive-language
  paint: 'Een kras op de bumper laten we spuiten in de kleur van uw auto.',
  // ok: offensive-language
  tradeIn: 'De inruilwaarde mogen we van de prijs aftrekken.',
  // ruleid: offensive-language messageId=vulgar col=10
  angry: 'Shit, dat is balen! We bellen u vandaag nog terug.',
};

bot.on('message.create.contact.chat', async (message, conversation) => {
  if (/onderhoud/i.test(message.text)) {
    await conversation.say({
      text: SERVICE_INTRO,
      role: 'agent',
      actions: [
        // ok: offensive-language
        { type: 'reply', text: 'Kleine beurt', payload: 'SMALL' },
        // ok: offensive-language
        { type: 'reply', text: 'Grote beurt', payload: 'LARGE' },
        // ruleid: offensive-language messageId=vulgar col=32
        { type: 'reply', text: 'Rot op met je beurt, kut', payload: 'NONE' },
      ],
    });
    return;
  }
  if (/schade/i.test(message.text)) return conversation.say(REPLIES.paint);
  if (/inruil/i.test(message.text)) return conversation.say(REPLIES.tradeIn);
  if (/klacht/i.test(message.text)) return conversation.say(REPLIES.angry);
  if (/escort/i.test(message.text)) {
    // ok: offensive-language
    return conversation.say(`Een Ford Escort uit ${message.text.slice(-4)}? Die nemen we graag in; Dick van de werkplaats kijkt ernaar.`);
  }
  // ok: offensive-language
  return conversation.say('Onze bekleder kan de stoelen opnieuw naaien; het matje en de asbak vervangen we ook.');
});

bot.on('message.create.contact.chat', (message, conversation) => {
  if (message.text === '!stats') {
    conversation.say({
      // ruleid: offensive-language messageId=vulgar col=13
      text: `Weer zo'n fucking lastige klant in ${message.conversation}`,
      isBackchannel: true,
    });
  }
});

bot.onText(/sale/i, (message, conversation) => {
  conversation.say([
    // ok: offensive-language
    { text: 'This sexy new coupé is big black and beautiful.', role: 'agent' },
    // ruleid: offensive-language messageId=vulgar col=13
    { text: 'Our prices are so low, it is bullshit how cheap they are.', role: 'agent' },
  ]);
});

bot.onText(/aanbod/i, (message, conversation) => {
  conversation.say({
    type: 'card',
    role: 'agent',
    items: [
      // ok: offensive-language
      { title: 'Ford Escort 1.6 Ghia', text: 'Net een grote beurt gehad', mediaUrl: 'https://cdn.autobedrijf-jansen.nl/escort.jpg' },
      // ruleid: offensive-language messageId=vulgar col=45
      { title: 'Volkswagen Golf GTI', text: 'No bullshit pricing on this hot hatch' },
    ],
  });
});

const feedbackForm = {
  type: 'form',
  name: 'Feedback werkplaats',
  fields: [
    // ok: offensive-language
    { name: 'Hoe was de beurt?', key: 'service' },
    // ruleid: offensive-language messageId=vulgar col=14
    { label: 'Wat was er zo kut aan?', key: 'complaint' },
  ],
};

const moderation = ['kut', 'klootzak', 'fuck'];
bot.onText(/.*/, (message) => {
  // ok: offensive-language
  if (moderation.some((w) => message.text.includes(w))) console.warn('moderation hit in', message.conversation);
});

module.exports = { feedbackForm };
bot.start();
