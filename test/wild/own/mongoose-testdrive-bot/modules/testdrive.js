const dayjs = require('dayjs');
const TestDrive = require('../models/TestDrive');
const { sendConfirmation } = require('../lib/mailer');

const MODELS = ['iX1', 'i4', 'X3', '3 Serie Touring'];

module.exports = (bot, { config }) => {
  bot.onText([/proefrit/i, /test ?drive/i], async (message, conversation) => {
    const contact = await bot.contacts.get(conversation.contact);

    conversation.ask({ text: `In welk model wilt u rijden? ${MODELS.join(', ')}`, role: 'agent' }, (m1, c1) => {
      const model = MODELS.find((x) => m1.text.toLowerCase().includes(x.toLowerCase()));
      if (!model) return c1.say({ text: 'Dat model hebben we helaas niet beschikbaar voor een proefrit.', role: 'agent' });
      c1.set('proefrit.model', model);

      c1.ask({ text: 'Welke dag en tijd komt u uit? (bijv. 14-03 10:30)', role: 'agent' }, (m2, c2) => {
        const date = dayjs(m2.text, 'DD-MM HH:mm');
        c2.ask(
          {
            text: 'Stuur voor de verzekering alvast een foto van de voor- en achterkant van uw paspoort of ID-kaart.',
            role: 'agent',
          },
          async (m3, c3) => {
            const drive = await TestDrive.create({
              contactId: contact.id,
              conversationId: c3.id,
              name: contact.name,
              telephone: contact.telephone,
              email: contact.email,
              model,
              date: date.toDate(),
              idDocumentUrl: m3.meta && m3.meta.url,
            });
            await c3.say({ text: `Top! Uw proefrit in de ${model} staat gepland. U ontvangt een bevestiging per e-mail.`, role: 'agent' });
            await c3.say({ text: `Proefrit ingepland: ${model}, ${date.format('DD-MM HH:mm')}`, isBackchannel: true });
            c3.notify(config.salesChannel);
            if (drive.email) await sendConfirmation(drive);
          },
        );
      });
    });
  });
};
