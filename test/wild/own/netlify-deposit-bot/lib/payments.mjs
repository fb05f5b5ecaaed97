import createMollieClient from '@mollie/api-client';

const mollie = createMollieClient({ apiKey: process.env.MOLLIE_KEY });
const SITE = process.env.URL || 'https://deposit.autodeals-direct.nl';

export async function depositLink(conversationId, amount) {
  try {
    const payment = await mollie.payments.create({
      amount: { currency: 'EUR', value: amount.toFixed(2) },
      description: `Aanbetaling reservering ${conversationId}`,
      redirectUrl: `${SITE}/bedankt`,
      webhookUrl: `${SITE}/.netlify/functions/mollie`,
      metadata: { conversationId },
    });
    return payment.getCheckoutUrl();
  } catch (err) {
    console.warn('mollie unavailable, using manual deposit page', err.message);
    return `http://pay.autodeals-direct.nl/aanbetaling?conv=${conversationId}&bedrag=${amount}`;
  }
}

export async function paymentStatus(id) {
  const payment = await mollie.payments.get(id);
  return { paid: payment.status === 'paid', conversationId: payment.metadata.conversationId };
}
