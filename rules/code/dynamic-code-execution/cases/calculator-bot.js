'use strict';

const ChipChat = require('chipchat');
const vm = require('vm');
const axios = require('axios');

const bot = new ChipChat({ token: process.env.TOKEN, secret: process.env.SECRET });

// A "quick quote" bot: the agent types a price formula, the bot answers with the result.
bot.on('message.create.agent.command', (msg, ctx) => {
  const formula = msg.text.replace(/^>calc\s*/, '');
  // ruleid: dynamic-code-execution messageId=network col=17
  const total = eval(formula);
  ctx.say(`Total: € ${total.toFixed(2)}`);
});

bot.on('message.create.contact.chat', async (message, conversation) => {
  // ruleid: dynamic-code-execution messageId=network col=20
  const discount = new Function('price', 'return ' + message.text);
  conversation.say({ text: `With discount: ${discount(100)}`, role: 'agent' });
});

async function loadPricingRules(dealerId) {
  const res = await axios.get(`https://pricing.acme-dealertools.nl/rules/${dealerId}`);
  const sandbox = { price: 0, result: 0 };
  // ruleid: dynamic-code-execution messageId=network col=3
  vm.runInNewContext(res.data.script, sandbox);
  return sandbox.result;
}

function vatFormula(rate) {
  const body = `return price * ${rate};`;
  // ruleid: dynamic-code-execution messageId=dynamic col=10
  return new Function('price', body);
}

// ok: dynamic-code-execution
const add = new Function('a', 'b', 'return a + b');

// ok: dynamic-code-execution
const two = eval('1 + 1');

const SUMMARY = 'price * 1.21';
// ok: dynamic-code-execution
const withVat = new Function('price', `return ${SUMMARY};`);

function remind(conversation) {
  // ok: dynamic-code-execution
  setTimeout(() => conversation.say('Are you still there?'), 60 * 1000);
}

module.exports = { loadPricingRules, vatFormula, add, two, withVat, remind };
