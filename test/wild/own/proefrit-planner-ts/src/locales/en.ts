export const en = {
  greeting: 'Hello {name}! Would you like to book a test drive?',
  askModel: 'Which model would you like to test drive?',
  askDay: 'Which day suits you? (Mon to Sat)',
  askBsn: 'Please bring your driving licence to the showroom; we check it there for the insurance.',
  bringLicence: 'Please bring your driving licence to the showroom.',
  privacy: 'We keep your name, phone number and booking for 12 months to plan the test drive; see our privacy policy.',
  booked: 'Your test drive in the {model} is booked for {day}. See you then!',
};
