import { api } from './web1on1.js';
import { estimate } from './valuation.js';
import { saveValuation } from './store.js';
import { log } from './log.js';

const PLATE = /^[A-Z0-9]{1,3}-?[A-Z0-9]{1,3}-?[A-Z0-9]{1,3}$/i;

const texts = {
  askPlate: 'Wat is het kenteken van de auto die u wilt inruilen?',
  askMileage: 'Wat is de kilometerstand ongeveer?',
  badPlate: `Dat lijkt geen geldig kenteken. Probeer het nog eens, bijvoorbeeld 12-ABC-3.`,
  askFinance: 'Wilt u de inruil combineren met financiering? Stuur dan uw burgerservicenummer (BSN), dan vragen wij direct een offerte aan.',
  noPassword: 'Let op: wij vragen nooit naar uw wachtwoord of pincode.',
};

export async function onContactMessage(message) {
  const conversation = await api.conversation(message.conversation);
  const step = conversation.meta?.tradeinStep || 'start';
  const text = (message.text || '').trim();

  if (step === 'start') {
    await api.reply(conversation.id, texts.askPlate);
    return api.setStep(conversation.id, 'plate');
  }
  if (step === 'plate') {
    if (!PLATE.test(text)) return api.reply(conversation.id, texts.badPlate);
    await api.setStep(conversation.id, `mileage:${text}`);
    return api.reply(conversation.id, texts.askMileage);
  }
  if (step.startsWith('mileage:')) {
    const plate = step.slice('mileage:'.length);
    const mileage = parseInt(text.replace(/\D/g, ''), 10);
    const contact = await api.contact(conversation.contact);
    log.info({ contact, plate, mileage }, 'valuation requested');
    const value = await estimate({ plate, mileage, name: contact.name, phone: contact.telephone });
    await saveValuation({ conversation: conversation.id, name: contact.name, phone: contact.telephone, plate, mileage, value });
    await api.reply(
      conversation.id,
      `Uw ${value.model} is naar schatting €${value.low} – €${value.high} waard. ${texts.noPassword}`,
    );
    await api.reply(conversation.id, texts.askFinance);
    return api.setStep(conversation.id, 'done');
  }
  log.debug({ conversation: conversation.id, step }, 'no action for step');
}
