export const crm = { apiKey: process.env.CRM_API_KEY, baseUrl: 'https://crm.autodealer-sync.nl' };
export const features = { reminders: true, surveys: false };
