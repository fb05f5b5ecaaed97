import { bot } from './slack.js';

// Near-miss: this `bot` is the Slack bot another module exports; forms.list() here is not Web1on1's.
export async function intakeForms() {
  return bot.forms.list();
}
