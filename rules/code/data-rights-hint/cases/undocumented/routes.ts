import { Router, type Request, type Response } from 'express';
import { leads } from './db';

export const gdpr = Router();

async function forget(req: Request, res: Response) {
  await leads.deleteMany({ phone: req.body.phone });
  res.sendStatus(204);
}

// ruleid: data-rights-hint messageId=erasure col=1
gdpr.post('/forget-me', forget);

export function onWebhook(req: Request, res: Response) {
  switch (req.body.event) {
    // ok: data-rights-hint
    case 'contact.delete':
      return forget(req, res);
    default:
      return res.sendStatus(200);
  }
}
