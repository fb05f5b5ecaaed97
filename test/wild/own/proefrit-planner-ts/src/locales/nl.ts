export const nl = {
  greeting: 'Hallo {name}! Wat een kutweer hè? Perfect weer om binnen een nieuwe auto te bekijken. Wil je een proefrit plannen?',
  askModel: 'Met welk model wil je een proefrit maken?',
  askDay: 'Welke dag komt je goed uit? (ma t/m za)',
  askBsn: 'Voor de verzekering tijdens de proefrit hebben we je burgerservicenummer (BSN) nodig. Wat is je BSN?',
  bringLicence: 'Neem je rijbewijs mee naar de showroom, dan maken we daar een kopie voor de verzekering.',
  privacy: 'Wij slaan geen persoonsgegevens op: je gegevens worden alleen gebruikt om deze proefrit in te plannen.',
  booked: 'Je proefrit in de {model} staat gepland op {day}. Tot dan!',
};
