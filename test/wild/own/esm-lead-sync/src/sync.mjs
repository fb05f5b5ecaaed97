// Copies new Web1on1 contacts into the Leadbox CRM every few seconds.
import { CRM_LEADS_URL, POLL_MS, W1O1_API } from './config.mjs';

const headers = {
  Authorization: `Bearer ${process.env.W1O1_TOKEN}`,
  'Content-Type': 'application/json',
};

console.log(`lead sync starting (token ${process.env.W1O1_TOKEN})`);

async function recentContacts(since) {
  const res = await fetch(`${W1O1_API}/contacts?updatedAt[$gt]=${since.toISOString()}&limit=100`, { headers });
  if (!res.ok) throw new Error(`contacts: HTTP ${res.status}`);
  return res.json();
}

async function pushLead(contact) {
  const lead = {
    name: contact.profile.name,
    email: contact.profile.email,
    phone: contact.profile.telephone,
    source: 'web1on1',
  };
  console.log('pushing lead', contact.profile.email);
  await fetch(CRM_LEADS_URL, {
    method: 'POST',
    headers: { 'x-api-key': process.env.LEADBOX_KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify(lead),
  });
}

export async function agentStats() {
  const res = await fetch('https://api.web1on1.chat/v1/stats/agents', { headers });
  return res.json();
}

let since = new Date(Date.now() - 60 * 60 * 1000);

setInterval(async () => {
  try {
    const contacts = await recentContacts(since);
    since = new Date();
    for (const contact of contacts) await pushLead(contact);
    console.log(`synced ${contacts.length} leads`);
  } catch (err) {
    console.error('sync failed', err.message);
  }
}, POLL_MS);
