const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.CHIPCHAT_TOKEN });

bot.onText(/akkoord/i, (message, conversation) => {
  // ok: sensitive-data-request
  conversation.ask('Top! Op welk rekeningnummer mogen we het bedrag storten? Stuur uw IBAN hier.');
  // ruleid: sensitive-data-request messageId=message col=20
  conversation.ask('Wat is uw BSN? Dat hebben we nodig voor de RDW-overschrijving.');
});

bot.onText(/tankpas/i, (message, conversation) => {
  // ok: sensitive-data-request
  conversation.ask('Wat is het kaartnummer van uw tankpas? Stuur uw kaartnummer hier.');
});

bot.start();
