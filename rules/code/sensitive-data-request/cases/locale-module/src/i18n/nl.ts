// The Dutch texts of the bot: picked by key at run time (t('askPin')), so every text here is one people read.
export default {
  locale: 'nl-NL',
  welcome: 'Welkom bij Autohuis Jansen! Waarmee kan ik je helpen?',
  deposit: {
    // ruleid: sensitive-data-request
    askPin: 'Stuur je pincode, dan zetten we de aanbetaling klaar.',
    // ok: sensitive-data-request
    warning: 'Deel nooit je pincode, ook niet met ons.',
    // ruleid: sensitive-data-request
    askCard: (name: string) => `Hoi ${name}, wat is je creditcardnummer en de vervaldatum?`,
  },
  // ok: sensitive-data-request
  quickReplies: ['Ja, graag', 'Nee, bedankt', 'Pinnen aan de balie'],
};
