// Winter tyre campaign over SMS, WhatsApp and e-mail: other channels' packages, not chipchat.
const twilio = require('twilio');
const nodemailer = require('nodemailer');
const TelegramBot = require('node-telegram-bot-api');

const sms = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
const mail = nodemailer.createTransport({ host: 'smtp.autohuis-demo.nl', port: 587 });
const telegram = new TelegramBot(process.env.TELEGRAM_TOKEN);

async function tyreCampaign(numbers) {
  for (const to of numbers) {
    // ruleid: bulk-messaging messageId=bulk col=11
    await sms.messages.create({ from: process.env.TWILIO_FROM, to, body: 'Winterbanden-actie: nu 20% korting!' });
  }
}

async function newsletter(customers) {
  await Promise.all(
    customers.map((c) =>
      // ruleid: bulk-messaging messageId=bulk col=7
      mail.sendMail({ from: 'actie@autohuis-demo.nl', to: c.email, text: 'Onze APK-actie loopt nog deze week.' }),
    ),
  );
}

class Campaign {
  constructor(client) {
    this.client = client;
  }

  async run(chatIds) {
    // ruleid: bulk-messaging messageId=bulk col=29
    chatIds.forEach((id) => this.client.sendMessage(id, 'Nieuwe occasions binnen!'));
  }
}
new Campaign(telegram);

async function optedInCampaign(customers) {
  for (const customer of customers) {
    if (!customer.smsOptIn) continue;
    // ok: bulk-messaging
    await sms.messages.create({ from: process.env.TWILIO_FROM, to: customer.phone, body: 'Winterbanden-actie: nu 20% korting!' });
  }
}

async function notifyStaff(staffNumbers, lead) {
  for (const to of staffNumbers) {
    // ok: bulk-messaging
    await sms.messages.create({ from: process.env.TWILIO_FROM, to, body: `Nieuwe lead: ${lead.id}` });
  }
}

async function confirmations(orders) {
  for (const order of orders) {
    // the recipient does not come from the list: one confirmation to the shop, not bulk
    // ok: bulk-messaging
    await sms.messages.create({ from: process.env.TWILIO_FROM, to: process.env.SHOP_PHONE, body: `Order ${order.id} betaald` });
  }
}

async function notifyOne(message) {
  // ok: bulk-messaging
  await sms.messages.create({ from: process.env.TWILIO_FROM, to: message.from, body: 'Bedankt!' });
}

module.exports = { tyreCampaign, newsletter, Campaign, optedInCampaign, notifyStaff, confirmations, notifyOne };
