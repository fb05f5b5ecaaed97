import vm from 'node:vm';
import { createDeposit } from './payments/mollie.js';
import { addReservation } from './store/reservations.js';

const TEXT = {
  reserve: 'Wil je deze auto reserveren? Met een aanbetaling van €500 houden we hem 7 dagen voor je vast.',
  failed: "Crap, the payment didn't go through. Try again with the link below.",
  scrap: 'Want to scrap your old car? We handle the RDW paperwork for you.',
};

export function chatFlow(bot) {
  bot.on('message.create.contact.chat', async (message, conversation) => {
    const text = message.text ?? '';

    // "reken 25000*1.049/60" -> monthly payment
    const calc = /^reken\s+(.+)$/i.exec(text);
    if (calc) {
      const result = vm.runInNewContext(calc[1]);
      await conversation.say(`Uitkomst: € ${Number(result).toFixed(2)} per maand`);
      return;
    }

    const reserve = /^reserveer\s+(\w+)/i.exec(text);
    if (reserve) {
      const contact = await bot.contacts.get(message.contact);
      const payment = await createDeposit({ conversationId: conversation.id, carId: reserve[1], amountEur: 500 });
      addReservation({ paymentId: payment.id, conversationId: conversation.id, carId: reserve[1], name: contact.name, email: contact.email });
      await conversation.say(TEXT.reserve);
      await conversation.say(`Betaal veilig via iDEAL: ${payment.getCheckoutUrl()}`);
      setTimeout(() => conversation.say(TEXT.scrap), 2000);
    }
  });
}

export { TEXT };
