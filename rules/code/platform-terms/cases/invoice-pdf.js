// Renders the dealer's own invoice page to PDF: a browser, but no other platform's website.
const puppeteer = require('puppeteer');

async function invoicePdf(orderId) {
  // ok: platform-terms
  const browser = await puppeteer.launch({ headless: true });
  const page = await browser.newPage();
  await page.goto(`https://portal.autohuis-demo.nl/invoices/${orderId}`);
  const pdf = await page.pdf({ format: 'A4' });
  await browser.close();
  return pdf;
}

module.exports = { invoicePdf };
