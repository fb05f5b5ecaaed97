const ChipChat = require('chipchat');
const axios = require('axios');

const bot = new ChipChat({
  token: process.env.TOKEN,
  // ruleid: legacy-api-host messageId=legacy col=18
  host: 'https://api.chatshipper.com',
});

// ruleid: legacy-api-host messageId=legacy col=50
const API_BASE = process.env.APIHOST || 'https://api.chatshipper.com/v2';

async function organization(id) {
  // ruleid: legacy-api-host messageId=legacy col=45
  const { data } = await axios.get(`https://api.chatshipper.com/v2/organizations/${id}`, {
    headers: { Authorization: `Bearer ${process.env.TOKEN}` },
  });
  return data;
}

// Bot users still have addresses like bot+<id>@chatshipper.com; that is not the API host.
// ok: legacy-api-host
const BOT_EMAIL = /bot\+(\S+)@(chatshipper\.com|web1on1\.chat)/i;

// ok: legacy-api-host
const DASHBOARD = 'https://app.chatshipper.com/conversations';

// ok: legacy-api-host
const CURRENT = 'https://api.web1on1.chat/v2';

// The old host was https://api.chatshipper.com; comments are not requests.
module.exports = { bot, API_BASE, organization, BOT_EMAIL, DASHBOARD, CURRENT };
