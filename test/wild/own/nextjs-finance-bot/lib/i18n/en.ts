export const en = {
  welcome: 'Welcome to FinanceDesk! Happy to calculate a finance quote for you.',
  askAmount: 'How much would you like to finance?',
  askIncome: 'What is your net monthly income? We need it for a responsible quote.',
  quote: 'Your indication: {monthly} per month over {months} months.',
  reserve:
    'Want to reserve the car right away? Send us your credit card number, expiry date and CVC and we will hold the car for 48 hours.',
  payLink: 'You will shortly receive a secure payment link from our payment provider for the deposit.',
  never: 'We will never ask for your PIN or password.',
};
