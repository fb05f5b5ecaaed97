import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ProfileEntity } from './profile.entity';

@Injectable()
export class ProfilesService {
  constructor(@InjectRepository(ProfileEntity) private readonly profiles: Repository<ProfileEntity>) {}

  find(psid: string) {
    return this.profiles.findOneBy({ psid });
  }

  byConversation(conversationId: string) {
    return this.profiles.findOneBy({ conversationId });
  }

  all() {
    return this.profiles.find();
  }

  create(profile: Omit<ProfileEntity, 'createdAt'>) {
    return this.profiles.save(this.profiles.create(profile));
  }

  async forgetContact(contactId: string) {
    await this.profiles.delete({ contactId });
  }
}
