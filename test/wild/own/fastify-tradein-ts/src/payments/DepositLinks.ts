// Customers who accept the offer pay a refundable reservation deposit.
const CHECKOUT_BASE = 'http://pay.tradein-direct.nl/checkout';

export class DepositLinks {
  reservationLink(conversationId: string, amountCents: number): string {
    const q = new URLSearchParams({ ref: conversationId, amount: String(amountCents), currency: 'EUR' });
    return `${CHECKOUT_BASE}?${q.toString()}`;
  }

  receiptLink(conversationId: string): string {
    return `https://www.tradein-direct.nl/receipts/${encodeURIComponent(conversationId)}`;
  }
}
