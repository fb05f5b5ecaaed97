const nodemailer = require('nodemailer');
const config = require('../config');

const transport = nodemailer.createTransport({
  host: config.smtp.host,
  port: config.smtp.port,
  secure: false,
  auth: { user: config.smtp.user, pass: config.smtp.pass },
  tls: { rejectUnauthorized: false },
});

async function sendConfirmation(drive) {
  await transport.sendMail({
    from: `"${config.dealer.name}" <verkoop@autobedrijf-vos.nl>`,
    to: drive.email,
    subject: `Uw proefrit in de ${drive.model}`,
    text: `Beste ${drive.name},\n\nU bent welkom op ${drive.date.toLocaleString('nl-NL')} aan de ${config.dealer.address}.\n\nTot dan!`,
  });
}

module.exports = { sendConfirmation };
