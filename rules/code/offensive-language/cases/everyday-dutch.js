// Dealer bot with an internal staff channel: everyday Dutch curses and the innocent words that contain them.
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.CHIPCHAT_TOKEN });

const STAFF = {
  // ruleid: offensive-language messageId=vulgar col=9
  late: 'Wat een kutauto, de klant staat al een uur te wachten.',
  // ruleid: offensive-language messageId=vulgar col=12
  backlog: 'Weer een klotedag in de werkplaats.',
  // ruleid: offensive-language messageId=vulgar col=9
  mess: 'Ruim die kankerzooi bij de brug eens op.',
  // ruleid: offensive-language messageId=vulgar col=9
  rude: 'Die klant mag oprotten, verdomme.',
  // ruleid: offensive-language messageId=vulgar col=10
  curse: 'Krijg de tering met je klachten.',
  // ruleid: offensive-language messageId=vulgar col=9
  shut: 'Hou je bek en bel de klant terug.',
  // ruleid: offensive-language messageId=vulgar col=10
  noise: 'Wat een tyfusherrie maakt die uitlaat.',
};

const CUSTOMER = {
  // ok: offensive-language
  charity: 'Bij elke proefrit doneren we aan KWF Kankerbestrijding voor kankeronderzoek.',
  // ok: offensive-language
  idiom: 'We zetten de tering naar de nering: deze maand geen extra kortingen.',
  // ok: offensive-language
  catering: 'Tijdens het wachten zorgt onze catering voor koffie. Hoera, uw auto is klaar!',
  // ok: offensive-language
  branches: 'Onze vestigingen in Kontich, Tietjerk en Kutno zijn ook op zaterdag open.',
  // ok: offensive-language
  wardrobe: 'Hang uw jas gerust in de klerenkast bij de ingang; de soep is pikant.',
  // ok: offensive-language
  apple: 'Een rotte plek in de lak? Rot is het niet: het is roest, dat poetsen we weg.',
  // ok: offensive-language
  visitor: 'Vandaag hebben we een Mongool uit Ulaanbaatar op bezoek in de showroom.',
};

bot.on('message.create.agent.chat', (message, conversation) => {
  conversation.say({ text: STAFF.late, isBackchannel: true });
  conversation.say({ text: STAFF.backlog, isBackchannel: true });
  conversation.say({ text: STAFF.mess, isBackchannel: true });
  conversation.say({ text: STAFF.rude, isBackchannel: true });
  conversation.say({ text: STAFF.curse, isBackchannel: true });
  conversation.say({ text: STAFF.shut, isBackchannel: true });
  conversation.say({ text: STAFF.noise, isBackchannel: true });
});

bot.on('message.create.contact.chat', (message, conversation) => {
  conversation.say([CUSTOMER.charity, CUSTOMER.idiom, CUSTOMER.catering, CUSTOMER.branches, CUSTOMER.wardrobe, CUSTOMER.apple, CUSTOMER.visitor]);
});

bot.start();
