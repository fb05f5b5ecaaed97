import ChipChat from 'chipchat';

const bot = new ChipChat({ token: process.env.TOKEN });

export async function latestForms() {
  return bot.forms.list({ sort: '-createdAt', limit: 20 });
}
