const { sendInvitePerSMS } = require('../outbound-sms');

const seed = [
  // ruleid: hardcoded-personal-data messageId=record col=3
  { givenName: 'Anna', familyName: 'de Boer', email: 'anna.deboer@ziggo.nl' },
];

test('invites', async () => {
  // ok: hardcoded-personal-data
  const to = 'kees.smit@gmail.com';
  await sendInvitePerSMS('org1', seed, to);
});
