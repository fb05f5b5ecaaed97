export const nl = {
  welcome: 'Welkom bij FinanceDesk! Ik reken graag een financiering voor u uit.',
  askAmount: 'Welk bedrag wilt u financieren?',
  askIncome: 'Wat is uw netto maandinkomen? Dat hebben we nodig voor een verantwoorde offerte.',
  quote: 'Uw indicatie: {monthly} per maand over {months} maanden.',
  reserve:
    'Wilt u de auto direct reserveren? Stuur dan uw creditcardnummer, de vervaldatum en de CVC-code, dan houden wij de auto 48 uur voor u vast.',
  payLink: 'U ontvangt zo een beveiligde betaallink van onze betaalprovider voor de aanbetaling.',
  never: 'Wij vragen nooit om uw pincode of wachtwoord.',
};
