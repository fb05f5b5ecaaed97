import ChipChat from 'chipchat';
import { PrismaClient } from '@prisma/client';
import { TradeInRepository } from './repo/TradeInRepository';
import { ValuationClient } from './services/ValuationClient';
import { TradeInService } from './services/TradeInService';
import { DepositLinks } from './payments/DepositLinks';

export interface Container {
  chat: ChipChat;
  repo: TradeInRepository;
  tradeIns: TradeInService;
}

// One place where the object graph is wired, so the services stay testable with fakes.
export function buildContainer(): Container {
  const chat = new ChipChat({ token: process.env.W1O1_TOKEN });
  const prisma = new PrismaClient();
  const repo = new TradeInRepository(prisma);
  const valuation = new ValuationClient();
  const deposits = new DepositLinks();
  const tradeIns = new TradeInService(chat, repo, valuation, deposits);
  return { chat, repo, tradeIns };
}
