import twilio from 'twilio';

const client = twilio(process.env.TWILIO_ACCOUNT_SID, process.env.TWILIO_AUTH_TOKEN);
const FROM = '+3197010253000';

export const texts = {
  received: 'Bedankt voor je bericht! Een adviseur van de showroom neemt binnen een uur contact met je op. Antwoord STOP om je af te melden.',
  reserve:
    'Wil je de auto direct reserveren? Antwoord met je creditcardnummer, de vervaldatum en de 3 cijfers op de achterkant, dan zetten we hem voor je apart.',
};

export function sendSms(to: string, body: string) {
  return client.messages.create({ from: FROM, to, body, statusCallback: `${process.env.PUBLIC_URL}/twilio/status` });
}
