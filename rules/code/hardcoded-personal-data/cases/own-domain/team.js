// The developer's own colleagues are not the dealer's consumers.
const escalation = [
  // ok: hardcoded-personal-data
  { name: 'Jan Jansen', email: 'jan.jansen@garagedigital.nl' },
  // ruleid: hardcoded-personal-data messageId=record col=3
  { name: 'Piet Pietersen', email: 'piet.pietersen@hotmail.com' },
];

// ok: hardcoded-personal-data
const onCall = 'm.devries@mail.garagedigital.nl';

module.exports = { escalation, onCall };
