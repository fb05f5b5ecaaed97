import { crm, features } from './settings.mjs';

// ruleid: credential-logged messageId=logged
console.log('crm settings', crm);
// ok: credential-logged
console.log('features', features);
// ok: credential-logged
console.log('crm at', crm.baseUrl);
