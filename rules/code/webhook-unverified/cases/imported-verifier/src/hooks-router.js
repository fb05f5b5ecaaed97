// A router module that takes its middleware from modules required whole.
const express = require('express');
const checkWeb1on1 = require('./middleware/checkWeb1on1');
const logRequest = require('./middleware/logRequest');

const router = express.Router();

// ok: webhook-unverified
router.post('/web1on1', checkWeb1on1, (req, res) => {
  const { event, data } = req.body;
  if (event === 'contact.update') console.log(data.contact.id);
  res.sendStatus(204);
});

// ruleid: webhook-unverified messageId=route col=1
router.post('/web1on1/audit', logRequest, (req, res) => {
  const { event, data } = req.body;
  if (event === 'contact.update') console.log(data.contact.id);
  res.sendStatus(204);
});

module.exports = router;
