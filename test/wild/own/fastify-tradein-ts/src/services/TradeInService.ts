import type ChipChat from 'chipchat';
import type { TradeInRepository } from '../repo/TradeInRepository';
import type { ValuationClient } from './ValuationClient';
import type { DepositLinks } from '../payments/DepositLinks';

const PLATE = /^[A-Z0-9]{1,3}-?[A-Z0-9]{1,3}-?[A-Z0-9]{1,3}$/i;

export class TradeInService {
  constructor(
    private readonly chat: ChipChat,
    private readonly repo: TradeInRepository,
    private readonly valuation: ValuationClient,
    private readonly deposits: DepositLinks,
  ) {}

  listen(): void {
    this.chat.on('message.create.contact.chat', (message: any, conversation: any) => {
      if (!/inruil|trade.?in/i.test(message.text ?? '')) return;
      this.start(message, conversation).catch((err) => console.error('trade-in flow failed', err.message));
    });
  }

  private async start(message: any, conversation: any) {
    const contact = await this.chat.contacts.get(message.contact);
    conversation.ask('Wat is het kenteken van je huidige auto?', (plateMsg: any) => {
      const plate = String(plateMsg.text).trim();
      if (!PLATE.test(plate)) {
        conversation.say('Dat lijkt geen geldig kenteken. Typ het kenteken zoals op je kentekenbewijs, bijv. 12-ABC-3.');
        return;
      }
      conversation.set('plate', plate);
      conversation.ask('Hoeveel kilometer staat er op de teller?', (kmMsg: any) => {
        const mileage = parseInt(String(kmMsg.text).replace(/\D/g, ''), 10);
        conversation.ask(
          'Om de inruil definitief te maken hebben we je BSN nodig en een foto van de voorkant van je rijbewijs. Stuur die hier in de chat.',
          async () => {
            const phone = contact.telephone ?? contact.phone;
            const quote = await this.valuation.quote(plate, mileage, phone);
            await this.repo.save({
              conversationId: conversation.id,
              customerName: contact.name,
              phone,
              plate,
              mileage,
              offerCents: quote.offerCents,
            });
            const euros = (quote.offerCents / 100).toLocaleString('nl-NL', { style: 'currency', currency: 'EUR' });
            await conversation.say(`We bieden ${euros} voor je auto (geldig tot ${quote.validUntil}).`);
            await conversation.say(
              `Reserveer het bod met een aanbetaling van €250: ${this.deposits.reservationLink(conversation.id, 25000)}`,
            );
          },
        );
      });
    });
  }
}
