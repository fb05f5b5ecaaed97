import type ChipChat from 'chipchat';
export class ContactService {
  constructor(private readonly chat: ChipChat) {}
  find(id: string) { return this.chat.contacts.get(id); }
  open(contact: string) { return this.chat.conversations.create({ contact }); }
}
