import { createHmac, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const secret = process.env.W1_WEBHOOK_SECRET ?? '';

export function verifyW1Signature(req: Request & { rawBody?: Buffer }, res: Response, next: NextFunction): void {
  const given = Buffer.from(String(req.get('x-hub-signature') ?? ''));
  const expected = Buffer.from(`sha1=${createHmac('sha1', secret).update(req.rawBody ?? '').digest('hex')}`);
  if (!secret || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    res.sendStatus(401);
    return;
  }
  next();
}
