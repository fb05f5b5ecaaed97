import { createMollieClient } from '@mollie/api-client';

const mollie = createMollieClient({ apiKey: process.env.MOLLIE_API_KEY });
const PUBLIC_URL = process.env.PUBLIC_URL ?? 'https://reserveer.autohuis-peeters.nl';

export async function createDeposit({ conversationId, carId, amountEur }) {
  return mollie.payments.create({
    amount: { currency: 'EUR', value: amountEur.toFixed(2) },
    description: `Aanbetaling ${carId}`,
    redirectUrl: `${PUBLIC_URL}/payments/return?conversation=${conversationId}`,
    webhookUrl: `${PUBLIC_URL}/payments/mollie`,
    metadata: { conversationId, carId },
  });
}

export function getPayment(id) {
  return mollie.payments.get(id);
}
