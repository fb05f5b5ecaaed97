export const de = {
  welcome: 'Willkommen bei FinanceDesk! Gerne berechne ich Ihnen eine Finanzierung.',
  askAmount: 'Welchen Betrag möchten Sie finanzieren?',
  askIncome: 'Wie hoch ist Ihr monatliches Nettoeinkommen? Das brauchen wir für ein verantwortungsvolles Angebot.',
  quote: 'Ihre Indikation: {monthly} pro Monat über {months} Monate.',
  reserve:
    'Möchten Sie das Auto sofort reservieren? Senden Sie uns Ihre Kreditkartennummer, das Ablaufdatum und die Prüfnummer, dann halten wir das Auto 48 Stunden für Sie fest.',
  payLink: 'Sie erhalten in Kürze einen sicheren Zahlungslink unseres Zahlungsanbieters für die Anzahlung.',
  never: 'Wir fragen niemals nach Ihrer PIN oder Ihrem Passwort.',
};
