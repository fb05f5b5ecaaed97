const ChipChat = require('chipchat');
const stock = require('./stock.json');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.WEBHOOK_SECRET });

bot.on('message.create.contact.chat', async (message, ctx) => {
  const hit = stock.find((car) => message.text.toLowerCase().includes(car.model.toLowerCase()));
  await ctx.say(hit ? `Ja, de ${hit.model} staat op voorraad.` : 'Welk model zoekt u?');
});

bot.start();
