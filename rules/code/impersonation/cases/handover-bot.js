// Handover bot: greets consumers, collects their question and hands over to an agent.
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.CHIPCHAT_TOKEN });

const GREETING = {
  // ok: impersonation
  text: 'Hoi! Ik ben Anna, de digitale assistent van Autobedrijf Jansen. Waarmee kan ik helpen?',
  role: 'agent',
};

// ok: impersonation
bot.on('message.create.contact.chat', { role: 'contact' }, async (message, conversation) => {
  await conversation.say(GREETING);
  // ok: impersonation
  await conversation.say('Ik ben Max van Autobedrijf Jansen, ik help u graag verder.', { role: 'agent' });
});

bot.onText(/mens|human/i, async (message, conversation) => {
  await conversation.say({
    // ruleid: impersonation messageId=humanClaim col=11
    text: 'Nee hoor, ik ben geen bot! Vraag maar raak.',
    role: 'agent',
  });
  // ruleid: impersonation messageId=humanClaim col=26
  await conversation.say("Don't worry, I'm a real person.");
  // ok: impersonation
  await conversation.say('Wilt u met een echt persoon praten? Ik verbind u door.');
});

bot.onText(/proefrit/i, async (message, conversation) => {
  // ruleid: impersonation messageId=staffClaim col=26
  await conversation.say(`Goedemiddag, u spreekt met ${process.env.SALES_NAME}, uw verkoopadviseur bij Jansen.`);
  // ruleid: impersonation messageId=staffClaim col=34
  await conversation.say({ text: 'Hi, this is Mark from the sales team. When would you like to come by?', role: 'agent' });
});

bot.on('conversation.assign', async (payload, conversation) => {
  const agent = payload.data.user;
  await bot.send(payload.data.conversation.id, {
    text: 'Ik neem het gesprek over.',
    role: 'agent',
    // ruleid: impersonation messageId=otherUser col=5
    user: agent.id,
  });
  // ok: impersonation
  await bot.send(payload.data.conversation.id, { text: 'Overgedragen aan de werkplaats.', isBackchannel: true, user: bot.auth.user });
});

bot.onText(/lead/i, async (message, conversation) => {
  await bot.conversations.create({
    type: 'contact',
    organization: message.organization,
    contact: { profile: { givenName: 'Web lead' } },
    messages: [
      // ruleid: impersonation messageId=roleContact col=69
      { text: 'Ik wil graag een proefrit maken met de nieuwe ID.4', role: 'contact' },
      // ok: impersonation
      { text: 'Bedankt voor uw aanvraag!', role: 'agent' },
    ],
  });
});

bot.start();
