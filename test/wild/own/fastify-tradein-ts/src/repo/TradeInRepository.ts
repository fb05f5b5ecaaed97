import type { PrismaClient, TradeIn } from '@prisma/client';

export interface NewTradeIn {
  conversationId: string;
  customerName: string;
  phone: string;
  plate: string;
  mileage: number;
  offerCents: number;
}

export class TradeInRepository {
  constructor(private readonly db: PrismaClient) {}

  async save(input: NewTradeIn): Promise<TradeIn> {
    return this.db.tradeIn.create({
      data: { ...input, status: 'OFFERED' },
    });
  }

  findByPlate(plate: string) {
    return this.db.tradeIn.findFirst({ where: { plate: plate.toUpperCase().replace(/-/g, '') } });
  }

  listOpen() {
    return this.db.tradeIn.findMany({ where: { status: 'OFFERED' }, orderBy: { createdAt: 'desc' } });
  }
}
