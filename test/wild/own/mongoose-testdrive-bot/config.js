module.exports = {
  token: process.env.TOKEN,
  secret: process.env.WEBHOOK_SECRET,
  mongoUrl: process.env.MONGO_URL || 'mongodb://localhost:27017/proefrit',
  salesChannel: process.env.SALES_CHANNEL,
  smtp: {
    host: process.env.SMTP_HOST || 'smtp.autobedrijf-vos.nl',
    port: 587,
    user: process.env.SMTP_USER,
    pass: process.env.SMTP_PASS,
  },
  dealer: { name: 'Autobedrijf Vos', address: 'Industrieweg 12, Zwolle' },
};
