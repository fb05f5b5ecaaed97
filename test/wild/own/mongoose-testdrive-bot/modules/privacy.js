const TestDrive = require('../models/TestDrive');

module.exports = (bot) => {
  bot.on('contact.delete', async (payload) => {
    const { contact } = payload.data;
    const { deletedCount } = await TestDrive.deleteMany({ contactId: contact.id });
    console.log(`erased ${deletedCount} test drives for contact ${contact.id}`);
  });

  bot.on('contact.update', async (payload) => {
    const { contact } = payload.data;
    await TestDrive.updateMany(
      { contactId: contact.id },
      { name: contact.name, telephone: contact.telephone, email: contact.email },
    );
  });
};
