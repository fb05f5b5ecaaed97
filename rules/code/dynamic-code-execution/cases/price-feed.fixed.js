// Reads a price feed and a partner webhook the old way: eval of JSON text.
const axios = require('axios');
const express = require('express');

const app = express();
app.use(express.text({ type: '*/*' }));

async function latestPrices(dealerId) {
  const priceResponse = await fetch(`https://prices.autofeed-partner.nl/dealers/${dealerId}`);
  const text = await priceResponse.text();
  // ruleid: dynamic-code-execution messageId=network col=10
  return JSON.parse(text);
}

async function stock() {
  const stockResponse = await axios.get('https://stock.autofeed-partner.nl/v1/cars');
  // ruleid: dynamic-code-execution messageId=network col=10
  return JSON.parse(stockResponse.data);
}

app.post('/partner', (req, res) => {
  // ruleid: dynamic-code-execution messageId=network col=17
  const order = JSON.parse(req.body);
  res.json({ ok: true, id: order.id });
});

async function rules() {
  const rulesResponse = await fetch('https://rules.autofeed-partner.nl/latest.js');
  const source = await rulesResponse.text();
  // ruleid: dynamic-code-execution messageId=network col=10
  return eval('module.exports = ' + source);
}

module.exports = { app, latestPrices, stock, rules };
