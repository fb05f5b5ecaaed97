const cheerio = require('cheerio');
const puppeteer = require('puppeteer');
const ChipChat = require('chipchat');

const bot = new ChipChat({ token: process.env.TOKEN });

async function agentAvailability(cookie) {
  // ruleid: undocumented-endpoint messageId=scrape col=22
  const html = await fetch('https://app.web1on1.chat/team/availability', { headers: { cookie } }).then((r) => r.text());
  const $ = cheerio.load(html);
  return $('.agent.online').map((i, el) => $(el).text()).get();
}

async function exportTranscripts(email, password) {
  const browser = await puppeteer.launch();
  const page = await browser.newPage();
  // ruleid: undocumented-endpoint messageId=browser col=9
  await page.goto('https://app.web1on1.chat/login');
  await page.type('#email', email);
  await page.type('#password', password);
  await page.click('button[type=submit]');
  await browser.close();
}

async function dealerOpeningHours(dealerSite) {
  // ok: undocumented-endpoint
  const html = await fetch(dealerSite).then((r) => r.text());
  return cheerio.load(html)('.opening-hours').text();
}

bot.on('message.create.contact.chat', (msg, ctx) => {
  // ok: undocumented-endpoint
  ctx.say({ text: 'Read how we handle your data: https://web1on1.chat/privacy-policy', role: 'agent' });
});

async function currentUser() {
  // ok: undocumented-endpoint
  return fetch('https://api.web1on1.chat/v2/users/me', { headers: { Authorization: `Bearer ${process.env.TOKEN}` } });
}

module.exports = { agentAvailability, exportTranscripts, dealerOpeningHours, currentUser };
