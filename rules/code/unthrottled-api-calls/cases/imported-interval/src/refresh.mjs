// Keeps a local copy of the open conversations; the intervals come from the settings module.
import { API_BASE, REFRESH_MS, REPORT_MS } from './settings.mjs';

const headers = { Authorization: `Bearer ${process.env.W1O1_TOKEN}` };

async function openConversations() {
  const res = await fetch(`${API_BASE}/conversations?status=open&limit=50`, { headers });
  return res.json();
}

// ruleid: unthrottled-api-calls messageId=polling col=1
setInterval(async () => {
  const open = await openConversations();
  console.log(`${open.length} open`);
}, REFRESH_MS);

// ok: unthrottled-api-calls
setInterval(async () => {
  const open = await openConversations();
  console.log(`report: ${open.length} open`);
}, REPORT_MS);
