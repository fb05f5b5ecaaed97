import ChipChat from 'chipchat';

const bot = new ChipChat({ token: process.env.TOKEN as string });

export async function greetBirthdays(today: string): Promise<number> {
  const contacts = await bot.contacts.list({ 'profile.birthDate': today, limit: 100 });
  return contacts.length;
}
