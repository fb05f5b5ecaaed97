const { notifyLead } = require('../console');

test('mails the lead', async () => {
  const lead = { email: 'jan@garage.test' };
  await notifyLead(lead);
  // ruleid: personal-data-logged
  console.log('mailed', lead.email);
});
