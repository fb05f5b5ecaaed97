import ChipChat from 'chipchat';
import { Planner } from './planner';
import { Notifier } from './notifier';

// The SDK instance lives in class fields and constructor parameters, never in a module-level variable.
class Workshop {
  private readonly chat: ChipChat;

  constructor(token: string) {
    this.chat = new ChipChat({ token });
  }

  async customerOf(phone: string) {
    // contacts:read is used through the field `this.chat`
    const [contact] = await this.chat.contacts.list({ 'profile.telephone': phone, limit: 1 });
    return contact;
  }

  planner(): Planner {
    return new Planner(this.chat);
  }
}

const workshop = new Workshop(process.env.W1O1_TOKEN ?? '');
void workshop.customerOf('+31600000000');
void workshop.planner().confirm('c1', 'org1');
new Notifier().announce();
