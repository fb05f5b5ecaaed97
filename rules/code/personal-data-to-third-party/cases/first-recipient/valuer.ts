import ChipChat from 'chipchat';
import got from 'got';

const bot = new ChipChat({ token: process.env.TOKEN as string });
const rdw = got.extend({ prefixUrl: 'https://opendata.rdw.nl/resource' });
const valuations = got.extend({ prefixUrl: 'https://api.valuerlabs.io/v1' });

bot.on('message.create.contact.results', async (message: any, ctx: any) => {
  const plate: string = message.meta.kenteken;
  const profile = message.contact.profile;
  // ruleid: personal-data-to-third-party messageId=undeclared col=21
  const car = await rdw.get('m9d7-ebf2.json', { searchParams: { kenteken: profile.licensePlate } }).json<any[]>();
  // ok: personal-data-to-third-party
  const price = await valuations.post('estimate', { json: { plate, owner: profile.email } }).json<{ eur: number }>();
  await ctx.say(`Uw ${car[0]?.merk ?? 'auto'} is ongeveer € ${price.eur} waard.`);
});
