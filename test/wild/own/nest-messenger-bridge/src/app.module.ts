import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ScheduleModule } from '@nestjs/schedule';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MessengerController } from './messenger/messenger.controller';
import { MessengerService } from './messenger/messenger.service';
import { Web1on1Service } from './web1on1/web1on1.service';
import { Web1on1Controller } from './web1on1/web1on1.controller';
import { ProfileEntity } from './profiles/profile.entity';
import { ProfilesService } from './profiles/profiles.service';
import { AudienceService } from './audiences/audience.service';
import { PromoService } from './messenger/promo.service';

@Module({
  imports: [
    ConfigModule.forRoot(),
    ScheduleModule.forRoot(),
    TypeOrmModule.forRoot({ type: 'sqlite', database: 'bridge.sqlite', entities: [ProfileEntity], synchronize: true }),
    TypeOrmModule.forFeature([ProfileEntity]),
  ],
  controllers: [MessengerController, Web1on1Controller],
  providers: [MessengerService, Web1on1Service, ProfilesService, AudienceService, PromoService],
})
export class AppModule {}
