import { Module } from '@nestjs/common';
import { chipchatProvider } from './chipchat.provider';
import { PrismaService } from './prisma.service';
import { LeadsController } from './leads/leads.controller';
import { LeadsService } from './leads/leads.service';
import { ApiKeyGuard } from './leads/api-key.guard';

@Module({
  controllers: [LeadsController],
  providers: [chipchatProvider, PrismaService, LeadsService, ApiKeyGuard],
})
export class AppModule {}
