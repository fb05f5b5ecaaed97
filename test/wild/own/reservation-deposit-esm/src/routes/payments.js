import { Router } from 'express';
import { getPayment } from '../payments/mollie.js';
import { markPaid } from '../store/reservations.js';
import { TEXT } from '../chat.js';

export function paymentRoutes(bot) {
  const router = Router();

  // Mollie only posts the payment id; the status is fetched from Mollie itself.
  router.post('/mollie', async (req, res) => {
    const payment = await getPayment(req.body.id);
    if (payment.status === 'paid') {
      const r = markPaid(payment.id);
      if (r) await bot.send(r.conversationId, { text: 'We hebben je aanbetaling ontvangen. De auto is voor je gereserveerd!', role: 'agent' });
    } else if (payment.status === 'failed' || payment.status === 'expired') {
      await bot.send(payment.metadata.conversationId, { text: TEXT.failed, role: 'agent' });
    }
    res.sendStatus(200);
  });

  // The consumer lands here after paying; show the confirmation straight away.
  router.get('/return', async (req, res) => {
    if (req.query.status === 'paid' && req.query.payment) {
      const r = markPaid(String(req.query.payment));
      if (r) await bot.send(r.conversationId, { text: 'Betaling gelukt! We nemen contact op voor de aflevering.', role: 'agent' });
    }
    res.send('<h1>Bedankt!</h1><p>Je kunt dit venster sluiten en verder chatten.</p>');
  });

  return router;
}
