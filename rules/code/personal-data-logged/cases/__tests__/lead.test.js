const { notifyLead } = require('../console');

test('mails the lead', async () => {
  const lead = { email: 'jan@garage.test' };
  await notifyLead(lead);
  // ruleid: personal-data-logged messageId=logged col=25
  console.log('mailed', lead.email);
});
