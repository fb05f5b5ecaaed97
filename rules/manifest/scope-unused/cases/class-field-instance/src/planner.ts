import type ChipChat from 'chipchat';

export class Planner {
  // a parameter property: `this.chat` is the instance Workshop hands over
  constructor(private readonly chat: ChipChat) {}

  async confirm(contactId: string, organization: string) {
    // conversations:write is used through the parameter property
    return this.chat.conversations.create({ type: 'contact', contact: contactId, organization });
  }
}

// A form read in a class that is never given the SDK: its `chat` is another client, so forms:read is not used.
export class Archive {
  private chat = new Map<string, { forms: { list(): string[] } }>();

  formsOf(id: string) {
    return this.chat.get(id)?.forms.list();
  }
}
