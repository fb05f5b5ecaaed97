// Sends appointment reminders by driving WhatsApp Web in a headless browser.
const puppeteer = require('puppeteer');

async function remind(number, text) {
  // ruleid: platform-terms messageId=browserAutomation col=25
  const browser = await puppeteer.launch({ headless: true, userDataDir: './session' });
  const page = await browser.newPage();
  await page.goto(`https://web.whatsapp.com/send?phone=${number}&text=${encodeURIComponent(text)}`);
  await page.click('span[data-icon="send"]');
  await browser.close();
}

module.exports = { remind };
