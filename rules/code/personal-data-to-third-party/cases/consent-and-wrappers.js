// A CRM client class of the app's own around fetch: the call that hands the lead over is where it leaves.
// A consent check before the data leaves shows the lawful basis the app relies on.
const ChipChat = require('chipchat');

class CrmClient {
  constructor(base, key) {
    this.base = base;
    this.key = key;
  }

  async request(method, path, body) {
    const res = await fetch(`${this.base}${path}`, { method, headers: { Authorization: `Bearer ${this.key}` }, body: JSON.stringify(body) });
    return res.json();
  }

  pushLead(lead) {
    return this.request('POST', '/leads', lead);
  }
}

const bot = new ChipChat({ token: process.env.TOKEN });
const crm = new CrmClient('https://api.leadbox.io/v1', process.env.CRM_KEY);

bot.on('contact.create', async (payload) => {
  const contact = payload.data.contact;
  // ruleid: personal-data-to-third-party messageId=noManifest col=9
  await crm.pushLead({ name: contact.profile.name, email: contact.profile.email });
  // ok: personal-data-to-third-party
  await crm.pushLead({ id: contact.id, source: 'web1on1' });
});

bot.on('contact.update', async (payload) => {
  const contact = payload.data.contact;
  if (contact.meta && contact.meta.marketingOptIn) {
    // ok: personal-data-to-third-party
    await fetch('https://hooks.mailerhub.io/subscribe', { method: 'POST', body: JSON.stringify({ email: contact.profile.email }) });
  }
  // ruleid: personal-data-to-third-party messageId=noManifest col=9
  await fetch('https://hooks.mailerhub.io/profile', { method: 'POST', body: JSON.stringify({ email: contact.profile.email }) });
});

async function subscribe(contact) {
  // ok: personal-data-to-third-party
  await fetch('https://hooks.mailerhub.io/subscribe', { method: 'POST', body: JSON.stringify({ email: contact.profile.email }) });
}

bot.on('contact.create', async (payload) => {
  const contact = payload.data.contact;
  if (!contact.meta.newsletterConsent) return;
  await subscribe(contact);
});
