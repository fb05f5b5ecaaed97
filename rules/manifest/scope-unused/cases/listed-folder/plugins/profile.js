module.exports = function profile(bot) {
  bot.on('message.create.contact.chat', async (message) => {
    const contact = await bot.contacts.get(message.contact);
    return contact.name;
  });
};
