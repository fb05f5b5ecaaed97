export class Notifier {
  constructor(bot) { this.bot = bot; }
  find(id) { return this.bot.contacts.get(id); }
  open(contact) { return this.bot.conversations.create({ contact }); }
}
