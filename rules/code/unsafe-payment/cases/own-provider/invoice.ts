import ChipChat from 'chipchat';

const bot = new ChipChat({ token: process.env.CHIPCHAT_TOKEN });

export async function sendInvoice(conversationId: string, invoice: { id: string; total: string }): Promise<void> {
  // ok: unsafe-payment
  const own = `https://pay.garagesoft.nl/invoice/${invoice.id}`;
  // ok: unsafe-payment
  const partner = `https://www.betaalpartner.nl/checkout/${invoice.id}`;
  // ok: unsafe-payment
  const bank = 'https://www.ing.nl/ideal/betalen';
  // ruleid: unsafe-payment messageId=unapproved col=17
  const other = 'https://www.ing.nl/betalen/overboeken';
  // ruleid: unsafe-payment messageId=unapproved col=18
  const stripe = 'https://buy.stripe.com/test_4gw5lQ';
  await bot.send(conversationId, {
    text: `Uw factuur van € ${invoice.total} staat klaar.`,
    role: 'agent',
    actions: [own, partner, bank, other, stripe].map((payload) => ({ type: 'link', text: 'Betalen', payload })),
  });
}
