export const W1O1_API = process.env.W1O1_API ?? 'https://api.chatshipper.com/v2';
export const CRM_LEADS_URL = 'https://api.leadbox-crm.io/v1/leads';
export const POLL_MS = 15_000;
