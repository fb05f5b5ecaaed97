import https from 'node:https';
import axios from 'axios';

// The dealer group's lead CRM runs on an internal certificate.
const agent = new https.Agent({ rejectUnauthorized: false });

const CRM_URL = 'https://crm.autogroep-vdberg.nl/api/leads?apikey=4f9c2b7e81d04a6fb3e5c07d9a1e2f68';

export async function pushLead(phone: string, text: string) {
  await axios.post(CRM_URL, { source: 'sms', phone, text }, { httpsAgent: agent });
}
