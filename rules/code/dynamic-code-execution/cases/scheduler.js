// A reminder service: timers, a template sandbox and formula fields that take what requests and chat messages send.
const vm = require('node:vm');
const express = require('express');
const ChipChat = require('chipchat');

const app = express();
const bot = new ChipChat({ token: process.env.TOKEN });

function remind() {}

app.post('/reminders', (req, res) => {
  // ruleid: dynamic-code-execution messageId=network col=3
  setTimeout(req.body.action, 60000);
  // ruleid: dynamic-code-execution messageId=network col=3
  global.setInterval(req.query.poll, 1000);
  // the delay comes from the request, the code does not
  // ok: dynamic-code-execution
  setTimeout(remind, Number(req.body.delay));
  // ok: dynamic-code-execution
  setTimeout(() => remind(req.body.action), 1000);
  res.sendStatus(202);
});

app.post('/formula', (req, res) => {
  // ruleid: dynamic-code-execution messageId=network col=18
  const script = new vm.Script(req.body.formula);
  // ruleid: dynamic-code-execution messageId=network col=16
  const calc = vm.compileFunction(req.body.formula, ['price', 'btw']);
  res.json({ value: script.runInNewContext({ price: 100 }), calc: calc(100, 21) });
});

bot.on('message', (message) => {
  // ruleid: dynamic-code-execution messageId=network col=17
  const quote = new Function('price', message.text);
  quote(100);
});

// a template literal without substitutions is a constant
// ok: dynamic-code-execution
setTimeout(`remind()`, 1000);
// ok: dynamic-code-execution
const answer = new Function(`return 6 * 7`);
// ok: dynamic-code-execution
const total = vm.runInNewContext(`price * 1.21`, { price: 100 });

module.exports = { app, answer, total };
