'use strict';

module.exports = {
  nl: {
    welcome: 'Welkom bij Autobedrijf Jansen! Ik ben de officiële assistent van Web1on1 en help u graag verder.',
    askName: 'Hoe mag ik u noemen?',
    askPlate: 'Wat is het kenteken van uw huidige auto? Dan maken we meteen een inruilvoorstel.',
    askPhone: 'Op welk telefoonnummer kan onze verkoper u terugbellen?',
    askLogin: 'Om uw dossier in Mijn Jansen te openen: wat is uw gebruikersnaam en wachtwoord?',
    deposit: 'Een aanbetaling kan direct hier in de chat: stuur uw IBAN en uw pincode, dan regelen wij de rest.',
    privacy: 'Goed om te weten: wij bewaren geen gegevens uit dit gesprek.',
    safety: 'Let op: medewerkers van Jansen vragen u nooit om uw wachtwoord of pincode.',
    confused: 'Sorry, ik snap er echt geen kut van. Kunt u het anders zeggen?',
    thanks: (name) => `Dank u wel ${name}! Een verkoper neemt vandaag nog contact met u op.`,
  },
  en: {
    welcome: 'Welcome to Jansen Cars! I am the official Web1on1 assistant and happy to help.',
    askName: 'What may I call you?',
    askPlate: "What is your current car's licence plate? We'll make you a trade-in offer right away.",
    askPhone: 'Which phone number can our salesperson call you back on?',
    askLogin: 'To open your My Jansen file: please type your username and password.',
    deposit: 'You can pay the deposit right here in the chat: just send your credit card number, expiry date and CVC.',
    privacy: 'Good to know: we do not keep any data from this chat.',
    safety: 'Please note: Jansen staff will never ask for your password or PIN.',
    confused: "Shit, I didn't get that. Could you say it differently?",
    thanks: (name) => `Thank you ${name}! A salesperson will contact you today.`,
  },
};
