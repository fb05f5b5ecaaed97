import * as ChipChat from 'chipchat';
export class Assistant {
  private readonly bot: ChipChat;
  constructor() { this.bot = new ChipChat({ token: process.env.TOKEN }); }
  async contact(id: string) { return this.bot?.contacts.get(id); }
  async convs(ids: string[]) { return Promise.all(ids.map((id) => this.bot.conversations.get(id))); }
  async msgs() { const m = this.bot.messages; return m.list({ limit: 5 }); }
  users() { return this.bot.users.list().then((u: unknown) => u); }
  async forms() { const { forms } = this.bot; return await forms.list(); }
}
